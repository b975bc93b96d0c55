"""
Ordinal numbers as an editor writes them for an issue, a session, an edition: "العدد
الثالث" / "the 3rd issue".

Arabic spells ordinals out in words up to 99, in the gender of the noun they follow
(العدد الثالث، الدورة الثالثة; الحادي عشر / الحادية عشرة; from 20 the tens are the same
in both: الحادي والعشرون / الحادية والعشرون). Exactly 100 is المئة (العدد المئة). Above it
Arab editors do not spell the ordinal out ("العدد الخامس والعشرون بعد المئة" is for
ceremony, not for a magazine's cover): the number is written as a numeral after the noun,
"العدد 125", so `ordinal()` gives "125" and the sentence around it reads the same either
way ("العدد %(ordinal)s"). English writes "1st", "2nd", "3rd", "11th", "21st", "101st".
"""

_UNITS = {
    # number: (masculine, feminine)
    1: ("الأول", "الأولى"),
    2: ("الثاني", "الثانية"),
    3: ("الثالث", "الثالثة"),
    4: ("الرابع", "الرابعة"),
    5: ("الخامس", "الخامسة"),
    6: ("السادس", "السادسة"),
    7: ("السابع", "السابعة"),
    8: ("الثامن", "الثامنة"),
    9: ("التاسع", "التاسعة"),
    10: ("العاشر", "العاشرة"),
}
# In compounds (11, 21, 31, …) "first" is الحادي / الحادية, not الأول / الأولى.
_ONE_IN_COMPOUNDS = ("الحادي", "الحادية")
# The tens (20 … 90) are the same for both genders.
_TENS = {
    2: "العشرون",
    3: "الثلاثون",
    4: "الأربعون",
    5: "الخمسون",
    6: "الستون",
    7: "السبعون",
    8: "الثمانون",
    9: "التسعون",
}
_HUNDRED = "المئة"
GENDERS = ("m", "f")


def ordinal(number, language, gender="m"):
    """
    `number` (a positive whole number) as an ordinal in `language` ("ar" or "en"): in
    Arabic, in words agreeing with a masculine (gender="m": العدد) or feminine ("f":
    الدورة) noun up to 100, a numeral after that; in English, "1st", "22nd", "113th".
    Anything else raises ValueError.
    """
    if isinstance(number, bool) or not isinstance(number, int):
        raise ValueError(f"An ordinal needs a whole number, not {number!r}.")
    if number < 1:
        raise ValueError(f"An ordinal needs a number of 1 or more, not {number}.")
    if gender not in GENDERS:
        raise ValueError(f"gender must be one of {GENDERS}, not {gender!r}.")
    language = (language or "").split("-")[0]
    if language == "ar":
        return _arabic(number, GENDERS.index(gender))
    if language == "en":
        return _english(number)
    raise ValueError(f"No ordinals for the language {language!r}.")


def _arabic(number, gender):
    if number <= 10:
        return _UNITS[number][gender]
    if number < 20:
        unit = _ONE_IN_COMPOUNDS[gender] if number == 11 else _UNITS[number - 10][gender]
        # عشر after a masculine unit, عشرة after a feminine one: الثالث عشر، الثالثة عشرة.
        return f"{unit} {('عشر', 'عشرة')[gender]}"
    if number < 100:
        tens, units = divmod(number, 10)
        if not units:
            return _TENS[tens]
        unit = _ONE_IN_COMPOUNDS[gender] if units == 1 else _UNITS[units][gender]
        # و is attached to the tens: الحادي والعشرون.
        return f"{unit} و{_TENS[tens]}"
    if number == 100:
        return _HUNDRED
    return str(number)


def _english(number):
    if number % 100 in (11, 12, 13):
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
