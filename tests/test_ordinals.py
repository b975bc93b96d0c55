"""Ordinal numbers for issue numbers: Arabic words as an editor writes them, English suffixes."""

import pytest

from core.ordinals import ordinal

MASCULINE = {
    1: "الأول",
    2: "الثاني",
    3: "الثالث",
    4: "الرابع",
    5: "الخامس",
    6: "السادس",
    7: "السابع",
    8: "الثامن",
    9: "التاسع",
    10: "العاشر",
    11: "الحادي عشر",
    12: "الثاني عشر",
    13: "الثالث عشر",
    14: "الرابع عشر",
    15: "الخامس عشر",
    16: "السادس عشر",
    17: "السابع عشر",
    18: "الثامن عشر",
    19: "التاسع عشر",
    20: "العشرون",
    21: "الحادي والعشرون",
    22: "الثاني والعشرون",
    30: "الثلاثون",
    31: "الحادي والثلاثون",
    45: "الخامس والأربعون",
    60: "الستون",
    99: "التاسع والتسعون",
    100: "المئة",
}

FEMININE = {
    1: "الأولى",
    2: "الثانية",
    3: "الثالثة",
    4: "الرابعة",
    5: "الخامسة",
    6: "السادسة",
    7: "السابعة",
    8: "الثامنة",
    9: "التاسعة",
    10: "العاشرة",
    11: "الحادية عشرة",
    12: "الثانية عشرة",
    13: "الثالثة عشرة",
    19: "التاسعة عشرة",
    20: "العشرون",
    21: "الحادية والعشرون",
    22: "الثانية والعشرون",
    30: "الثلاثون",
    99: "التاسعة والتسعون",
    100: "المئة",
}


@pytest.mark.parametrize(("number", "words"), MASCULINE.items())
def test_arabic_masculine_ordinals(number, words):
    """An issue (العدد, masculine) is numbered in words up to 100: العدد الحادي عشر."""
    assert ordinal(number, "ar") == words
    assert ordinal(number, "ar", gender="m") == words


@pytest.mark.parametrize(("number", "words"), FEMININE.items())
def test_arabic_feminine_ordinals(number, words):
    """A feminine noun (الدورة) takes the feminine words: الحادية عشرة, الأولى."""
    assert ordinal(number, "ar", gender="f") == words


@pytest.mark.parametrize("number", range(1, 100))
def test_arabic_ordinals_are_words_up_to_99(number):
    """Every number from 1 to 99 is spelled out, without a digit, in both genders."""
    for gender in ("m", "f"):
        words = ordinal(number, "ar", gender=gender)
        assert words.startswith("ال")
        assert not any(character.isdigit() for character in words)


@pytest.mark.parametrize("number", [101, 111, 125, 999, 1000, 2026])
def test_arabic_ordinals_above_100_are_numerals(number):
    """Above 100 Arabic writes the numeral after the noun ("العدد 125"), in both genders."""
    assert ordinal(number, "ar") == str(number)
    assert ordinal(number, "ar", gender="f") == str(number)


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (10, "10th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (14, "14th"),
        (21, "21st"),
        (22, "22nd"),
        (23, "23rd"),
        (100, "100th"),
        (101, "101st"),
        (102, "102nd"),
        (103, "103rd"),
        (111, "111th"),
        (112, "112th"),
        (113, "113th"),
        (121, "121st"),
        (1011, "1011th"),
    ],
)
def test_english_ordinals(number, text):
    """English writes a numeral with its suffix; 11–13 (and 111–113) take "th"."""
    assert ordinal(number, "en") == text
    assert ordinal(number, "en", gender="f") == text


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("number", [0, -1, -12])
def test_no_ordinal_below_one(language, number):
    """0 and negative numbers have no ordinal: refused with ValueError."""
    with pytest.raises(ValueError):
        ordinal(number, language)


@pytest.mark.parametrize("number", [1.0, "3", True, None])
def test_only_whole_numbers(number):
    """A float, a string, a boolean or None is refused, not guessed at."""
    with pytest.raises(ValueError):
        ordinal(number, "ar")


def test_unknown_language_and_gender_refused():
    """A language without ordinals, or a gender other than m/f, is refused."""
    with pytest.raises(ValueError):
        ordinal(3, "fr")
    with pytest.raises(ValueError):
        ordinal(3, "ar", gender="n")


def test_regional_language_code():
    """A regional code ("en-gb") is its language's ordinals."""
    assert ordinal(2, "en-gb") == "2nd"
    assert ordinal(2, "ar-ae") == "الثاني"
