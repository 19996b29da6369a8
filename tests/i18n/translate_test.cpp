// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/date.hpp"
#include "geo/error.hpp"
#include "i18n/message.hpp"
#include "i18n/translate.hpp"

#include <doctest/doctest.h>
#include <string>

TEST_CASE("[i18n] English is the msgid; Japanese and Russian come from the linked-in catalogues") {
    CHECK(i18n::tr("en", "Legend") == "Legend");
    CHECK(i18n::tr("ja", "Legend") == "凡例");
    CHECK(i18n::tr("ru", "Legend") == "Условные обозначения");
    CHECK(i18n::tr("ja", "Presenter's keys (H: close)") == "発表者用キー（H：閉じる）");
    // No catalogue, or no such message: the English words, never an empty string.
    CHECK(i18n::tr("de", "Legend") == "Legend");
    CHECK(i18n::tr("ru", "a message nobody marked") == "a message nobody marked");
}

TEST_CASE("[i18n] a context tells apart words written alike in English") {
    CHECK(i18n::trc("ru", "month in a date", "October") == "октября");
    CHECK(i18n::trc("ru", "month alone", "October") == "октябрь");
    CHECK(i18n::trc("ja", "layer", "labels") == "地名");
    CHECK(i18n::trc("ru", "no such context", "October") == "October");
    CHECK(i18n::trc("en", "month alone", "October") == "October");
}

TEST_CASE("[i18n] format fills named places, in the order the translation puts them") {
    CHECK(i18n::format("{a} and {b}", {{"a", "1"}, {"b", "2"}}) == "1 and 2");
    CHECK(i18n::format("{b}、{a}", {{"a", "1"}, {"b", "2"}}) == "2、1");
    CHECK(i18n::format("{a} {a}", {{"a", "x"}}) == "x x");
    CHECK(i18n::format("{unknown} stays", {{"a", "x"}}) == "{unknown} stays");
    CHECK(i18n::format("no brace {", {}) == "no brace {");
}

TEST_CASE("[i18n] each language writes a day and a month its own way") {
    CHECK(i18n::long_date("en", 1956, 10, 19) == "19 October 1956");
    CHECK(i18n::long_date("ja", 1956, 10, 19) == "1956年10月19日");
    CHECK(i18n::long_date("ru", 1956, 10, 19) == "19 октября 1956 г.");
    CHECK(i18n::long_date("ru", 1855, 2, 7) == "7 февраля 1855 г.");
    CHECK(i18n::long_date("ja", 1945, 8, 28) == "1945年8月28日");
    CHECK(i18n::month_and_year("en", 1875, 5) == "May 1875");
    CHECK(i18n::month_and_year("ja", 1875, 5) == "1875年5月");
    CHECK(i18n::month_and_year("ru", 1875, 5) == "май 1875 г.");
    CHECK(geo::Date{1991, 12, 26}.long_text("ru") == "26 декабря 1991 г.");
    CHECK(geo::Date{1991, 12, 26}.long_text() == "26 December 1991");
    CHECK(geo::parse_partial_date("1875-05").display("ru") == "май 1875 г.");
}

TEST_CASE("[i18n] the locale's name chooses the interface language") {
    CHECK(i18n::language_of_locale("ja_JP.UTF-8") == "ja");
    CHECK(i18n::language_of_locale("ja") == "ja");
    CHECK(i18n::language_of_locale("ru_RU.UTF-8") == "ru");
    CHECK(i18n::language_of_locale("ru_UA") == "ru");
    CHECK(i18n::language_of_locale("en_GB.UTF-8") == "en");
    CHECK(i18n::language_of_locale("de_DE") == "en");
    CHECK(i18n::language_of_locale("C") == "en");
    CHECK(i18n::language_of_locale("") == "en");
    CHECK(i18n::language_of_locale("jam_JM") == "en"); // Jamaican Patois, not Japanese
}

TEST_CASE("[i18n] a message is said in the reader's language, with the parts inside it") {
    const i18n::Message layer(i18n::N_("Removed your layer {title}"), {{"title", "rivers"}});
    CHECK(layer.english() == "Removed your layer rivers");
    CHECK(layer.text("ja") == "レイヤー rivers を削除しました");
    CHECK(layer.text("ru") == "Ваш слой rivers удалён");
    // A message inside another is said in the same language as the one it stands in.
    const i18n::Message failed(i18n::N_("Export failed: {error}"), {{"error", layer}});
    CHECK(failed.english() == "Export failed: Removed your layer rivers");
    CHECK(failed.text("ja") == "書き出しに失敗しました：レイヤー rivers を削除しました");
    CHECK(failed.text("ru") == "Экспорт не удался: Ваш слой rivers удалён");
    // Verbatim text (what a library said) is the same in every language, braces and all.
    const i18n::Message said(std::string("Removed your layer {title}"));
    CHECK(said.text("ja") == "Removed your layer {title}");
    CHECK(i18n::Message().empty());
    CHECK_FALSE(said.empty());
}

TEST_CASE("[i18n] an input error says its message in English as what() and in each language") {
    const geo::InputError inner(i18n::N_("Removed your layer {title}"), {{"title", "a.gpkg"}});
    const geo::InputError outer(i18n::N_("Export failed: {error}"), {{"error", inner.message()}});
    CHECK(std::string(outer.what()) == "Export failed: Removed your layer a.gpkg");
    CHECK(outer.text("ru") == "Экспорт не удался: Ваш слой a.gpkg удалён");
    CHECK(outer.text("en") == outer.what());
    const geo::InputError plain(std::string("GDAL: cannot open x"));
    CHECK(plain.text("ja") == "GDAL: cannot open x");
    // A placed problem: the file and line are written alike, the message in the language.
    const geo::Diagnostic problem{
        "a.xml", 12, i18n::Message(i18n::N_("Removed your layer {title}"), {{"title", "b"}}), "b"};
    CHECK(problem.to_string() == "a.xml:12: Removed your layer b");
    CHECK(problem.to_string("ja") == "a.xml:12: レイヤー b を削除しました");
    const geo::InputError placed(problem);
    CHECK(placed.text("ru") == "Ваш слой b удалён"); // the message names its place itself
    CHECK(placed.line() == 12);
}
