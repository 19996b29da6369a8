// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace kuril {

/// A minimal streaming JSON writer: enough for the CLI's --json output and the export's
/// manifest. Header-only, like the rest of util.
class JsonWriter {
public:
    void begin_object(std::string_view key = {});
    void end_object();
    void begin_array(std::string_view key = {});
    void end_array();
    void value(std::string_view key, std::string_view text);
    void value(std::string_view key, const char* text) { value(key, std::string_view(text)); }
    void value(std::string_view key, double number, int decimals = 3);
    void value(std::string_view key, long long number);
    void value(std::string_view key, bool flag);
    void null(std::string_view key);
    void strings(std::string_view key, const std::vector<std::string>& items);
    /// An array element that is a string.
    void element(std::string_view text);
    /// An array element that is a number.
    void element_number(double value, int decimals = 3);

    const std::string& str() const { return out_; }

private:
    void separator(std::string_view key);
    void value_text(double number, int decimals);
    static void escape(std::string& out, std::string_view text);
    std::string out_;
    std::vector<bool> first_in_scope_;
};

inline void JsonWriter::separator(std::string_view key) {
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

inline void JsonWriter::escape(std::string& out, std::string_view text) {
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

inline void JsonWriter::begin_object(std::string_view key) {
    separator(key);
    out_ += '{';
    first_in_scope_.push_back(true);
}

inline void JsonWriter::end_object() {
    out_ += '}';
    first_in_scope_.pop_back();
}

inline void JsonWriter::begin_array(std::string_view key) {
    separator(key);
    out_ += '[';
    first_in_scope_.push_back(true);
}

inline void JsonWriter::end_array() {
    out_ += ']';
    first_in_scope_.pop_back();
}

inline void JsonWriter::value(std::string_view key, std::string_view text) {
    separator(key);
    escape(out_, text);
}

inline void JsonWriter::value(std::string_view key, double number, int decimals) {
    separator(key);
    value_text(number, decimals);
}

inline void JsonWriter::value_text(double number, int decimals) {
    if (!std::isfinite(number)) {
        out_ += "null";
        return;
    }
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, number);
    out_ += buffer;
}

inline void JsonWriter::value(std::string_view key, long long number) {
    separator(key);
    out_ += std::to_string(number);
}

inline void JsonWriter::value(std::string_view key, bool flag) {
    separator(key);
    out_ += flag ? "true" : "false";
}

inline void JsonWriter::null(std::string_view key) {
    separator(key);
    out_ += "null";
}

inline void JsonWriter::strings(std::string_view key, const std::vector<std::string>& items) {
    begin_array(key);
    for (const auto& item : items) {
        element(item);
    }
    end_array();
}

inline void JsonWriter::element(std::string_view text) {
    separator({});
    escape(out_, text);
}

inline void JsonWriter::element_number(double value, int decimals) {
    separator({});
    value_text(value, decimals);
}

} // namespace kuril
