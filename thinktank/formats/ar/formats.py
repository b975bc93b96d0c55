# The reference page writes dates as "04 أبريل، 2018": a two-digit day and an Arabic comma.
DATE_FORMAT = "d F، Y"
DATETIME_FORMAT = "d F، Y H:i"
SHORT_DATE_FORMAT = "d/m/Y"
YEAR_MONTH_FORMAT = "F Y"
