#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kuril {

/// A minimal streaming JSON writer: enough for the CLI's --json output.
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

    const std::string& str() const { return out_; }

private:
    void separator(std::string_view key);
    static void escape(std::string& out, std::string_view text);
    std::string out_;
    std::vector<bool> first_in_scope_;
};

} // namespace kuril
