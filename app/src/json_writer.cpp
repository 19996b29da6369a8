#include "json_writer.hpp"

#include <cmath>
#include <cstdio>

namespace kuril {

void JsonWriter::separator(std::string_view key) {
    if (!first_in_scope_.empty()) {
        if (!first_in_scope_.back()) {
            out_ += ',';
        }
        first_in_scope_.back() = false;
    }
    if (!key.empty()) {
        escape(out_, key);
        out_ += ':';
    }
}

void JsonWriter::escape(std::string& out, std::string_view text) {
    out += '"';
    for (const char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
                out += buffer;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

void JsonWriter::begin_object(std::string_view key) {
    separator(key);
    out_ += '{';
    first_in_scope_.push_back(true);
}

void JsonWriter::end_object() {
    out_ += '}';
    first_in_scope_.pop_back();
}

void JsonWriter::begin_array(std::string_view key) {
    separator(key);
    out_ += '[';
    first_in_scope_.push_back(true);
}

void JsonWriter::end_array() {
    out_ += ']';
    first_in_scope_.pop_back();
}

void JsonWriter::value(std::string_view key, std::string_view text) {
    separator(key);
    escape(out_, text);
}

void JsonWriter::value(std::string_view key, double number, int decimals) {
    separator(key);
    if (!std::isfinite(number)) {
        out_ += "null";
        return;
    }
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, number);
    out_ += buffer;
}

void JsonWriter::value(std::string_view key, long long number) {
    separator(key);
    out_ += std::to_string(number);
}

void JsonWriter::value(std::string_view key, bool flag) {
    separator(key);
    out_ += flag ? "true" : "false";
}

void JsonWriter::null(std::string_view key) {
    separator(key);
    out_ += "null";
}

void JsonWriter::strings(std::string_view key, const std::vector<std::string>& items) {
    begin_array(key);
    for (const auto& item : items) {
        element(item);
    }
    end_array();
}

void JsonWriter::element(std::string_view text) {
    separator({});
    escape(out_, text);
}

} // namespace kuril
