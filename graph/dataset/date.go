package dataset

import (
	"errors"
	"strconv"
	"time"
)

// errBadDate is what ParseDate returns for anything but YYYY-MM-DD or YYYY.
var errBadDate = errors.New("must be a date YYYY-MM-DD or a year YYYY")

// ParseDate reads a date written YYYY-MM-DD, or a year written YYYY (held as
// YYYY-01-01 with YearOnly set). The year runs from 1 to 9999, and the day
// must exist in its month.
func ParseDate(s string) (Date, error) {
	switch len(s) {
	case 4:
		y, ok := digits(s)
		if !ok || y < 1 {
			return Date{}, errBadDate
		}
		return Date{Year: y, Month: time.January, Day: 1, YearOnly: true}, nil
	case 10:
		if s[4] != '-' || s[7] != '-' {
			return Date{}, errBadDate
		}
		y, okY := digits(s[:4])
		m, okM := digits(s[5:7])
		d, okD := digits(s[8:])
		date := Date{Year: y, Month: time.Month(m), Day: d}
		if !okY || !okM || !okD || !date.valid() {
			return Date{}, errBadDate
		}
		return date, nil
	}
	return Date{}, errBadDate
}

// digits reads s, made only of ASCII digits, as a number.
func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, len(s) > 0
}

// valid reports whether d names a day that exists between years 1 and 9999
// (a year-only date must be held as January 1st).
func (d Date) valid() bool {
	if d.Year < 1 || d.Year > 9999 {
		return false
	}
	if d.YearOnly {
		return d.Month == time.January && d.Day == 1
	}
	if d.Month < time.January || d.Month > time.December || d.Day < 1 {
		return false
	}
	return d.Day <= daysIn(d.Year, d.Month)
}

// daysIn returns the number of days of month m of year y.
func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// String writes d as YYYY-MM-DD, or YYYY for a year-only date.
func (d Date) String() string {
	return string(d.appendTo(make([]byte, 0, 10)))
}

// appendTo appends d as String writes it.
func (d Date) appendTo(b []byte) []byte {
	b = appendPadded(b, d.Year, 4)
	if d.YearOnly {
		return b
	}
	b = append(b, '-')
	b = appendPadded(b, int(d.Month), 2)
	b = append(b, '-')
	return appendPadded(b, d.Day, 2)
}

// appendPadded appends n with leading zeros to width digits.
func appendPadded(b []byte, n, width int) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	start := len(b)
	b = strconv.AppendInt(b, int64(n), 10)
	for len(b)-start < width {
		b = append(b, 0)
		copy(b[start+1:], b[start:])
		b[start] = '0'
	}
	return b
}

// Time returns midnight UTC of d (January 1st for a year-only date).
func (d Date) Time() time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
}

// before reports whether d is certainly before e: a year-only date is the
// whole year, so it is compared by year alone.
func (d Date) before(e Date) bool {
	if d.YearOnly || e.YearOnly {
		return d.Year < e.Year
	}
	if d.Year != e.Year {
		return d.Year < e.Year
	}
	if d.Month != e.Month {
		return d.Month < e.Month
	}
	return d.Day < e.Day
}
