package seed

import (
	"time"

	"github.com/mentorgraph/mentorgraph/graph/dataset"
)

// Dates are handled as day numbers: day 0 is 2010-01-01, the first date a
// generated record may carry; lastDay is 2027-12-31, the last. The network
// is as of today, 2026-01-01: past events fall before it, due dates after.
var (
	calendar = buildCalendar()
	lastDay  = int32(len(calendar) - 1)
	today    = dayOf(2026, time.January, 1)
)

const daysPerYear = 365

func buildCalendar() []dataset.Date {
	var days []dataset.Date
	for t := time.Date(2010, time.January, 1, 0, 0, 0, 0, time.UTC); t.Year() <= 2027; t = t.AddDate(0, 0, 1) {
		days = append(days, dataset.Date{Year: t.Year(), Month: t.Month(), Day: t.Day()})
	}
	return days
}

func dayOf(year int, month time.Month, day int) int32 {
	first := time.Date(2010, time.January, 1, 0, 0, 0, 0, time.UTC)
	return int32(time.Date(year, month, day, 0, 0, 0, 0, time.UTC).Sub(first).Hours() / 24)
}

// clampDay keeps d within the calendar.
func clampDay(d int32) int32 { return min(max(d, 0), lastDay) }

// date returns a fresh *Date for day d (clamped to the calendar).
func (g *generator) date(d int32) *dataset.Date {
	return g.dates.ptr(calendar[clampDay(d)])
}

// endOfMonth returns the last day of d's month (clamped to the calendar).
func endOfMonth(d int32) int32 {
	d = clampDay(d)
	m := calendar[d].Month
	for d < lastDay && calendar[d+1].Month == m {
		d++
	}
	return d
}

// appendYearMonth appends d as YYYY-MM.
func appendYearMonth(b []byte, d int32) []byte {
	c := calendar[clampDay(d)]
	b = appendInt(b, c.Year)
	b = append(b, '-')
	if c.Month < 10 {
		b = append(b, '0')
	}
	return appendInt(b, int(c.Month))
}
