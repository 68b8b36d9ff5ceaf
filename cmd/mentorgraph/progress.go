package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// isTerminal reports whether w is a terminal (a character device), where a
// progress bar can be redrawn in place.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// Progress is shown every barInterval on a terminal, every logInterval
// otherwise.
const (
	barInterval = 200 * time.Millisecond
	logInterval = 5 * time.Second
)

// progress shows how far an import is: on a terminal one line redrawn in
// place (bar, rows done/total, percent, rows/s, ETA); elsewhere a plain line
// every logInterval and one at the end. Its update method is the import's
// Progress callback; a goroutine of its own redraws, so the time shown moves
// on while a long batch runs.
type progress struct {
	w    io.Writer
	tty  bool
	verb string // "writing", or "checking" in a dry run
	// waiting says what happens before the first batch (validation).
	waiting string

	mu      sync.Mutex
	started time.Time
	// first and firstDone are when the first batch finished and its rows:
	// the rate is measured from there, so the validation before the first
	// batch does not make the ETA too long.
	first       time.Time
	firstDone   int
	done, total int
	width       int       // of the last line drawn on a terminal
	drawn       time.Time // when it was drawn

	quit chan struct{}
	wg   sync.WaitGroup
}

// startProgress starts showing progress on w, a terminal when tty is set:
// first the waiting message, then the rows as batches are done.
func startProgress(w io.Writer, tty bool, verb, waiting string) *progress {
	p := &progress{w: w, tty: tty, verb: verb, waiting: waiting, started: time.Now(), quit: make(chan struct{})}
	interval := logInterval
	if tty {
		interval = barInterval
		p.draw(waiting + "…")
	} else {
		fmt.Fprintf(w, "%s…\n", waiting)
	}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-p.quit:
				return
			case <-t.C:
				p.mu.Lock()
				p.show(time.Now())
				p.mu.Unlock()
			}
		}
	}()
	return p
}

// update records that done of total rows are written.
func (p *progress) update(done, total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	if p.first.IsZero() {
		p.first, p.firstDone = now, done
	}
	p.done, p.total = done, total
	// On a terminal draw at once, but not more often than the eye can
	// follow (tiny batches call this thousands of times a second).
	if p.tty && (done == total || now.Sub(p.drawn) >= barInterval/4) {
		p.show(now)
	}
}

// stop ends the display (the last state stays on screen, followed by a new
// line) and returns the rows done and in all.
func (p *progress) stop() (done, total int) {
	close(p.quit)
	p.wg.Wait()
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	switch {
	case p.tty && p.total == 0:
		// Stopped while validating: clear the line for what follows.
		p.draw("")
		fmt.Fprint(p.w, "\r")
	case p.tty:
		p.show(now)
		fmt.Fprintln(p.w)
	case p.total > 0:
		fmt.Fprintf(p.w, "%s: %s/%s rows (%d%%) in %s\n", p.verb, formatCount(p.done), formatCount(p.total),
			percent(p.done, p.total), formatDuration(now.Sub(p.started)))
	}
	return p.done, p.total
}

// show draws the current state; p.mu is held.
func (p *progress) show(now time.Time) {
	elapsed := formatDuration(now.Sub(p.started))
	if p.total == 0 {
		// Before the first batch: nothing to measure yet.
		if p.tty {
			p.draw(p.waiting + "… " + elapsed)
		} else {
			fmt.Fprintf(p.w, "%s… %s so far\n", p.waiting, elapsed)
		}
		return
	}
	rate := p.rate(now)
	if p.tty {
		p.draw(progressLine(p.done, p.total, rate))
		p.drawn = now
		return
	}
	eta := ""
	if p.done < p.total {
		eta = ", ETA " + formatETA(p.total-p.done, rate)
	}
	fmt.Fprintf(p.w, "%s: %s/%s rows (%d%%), %s rows/s%s, %s so far\n", p.verb,
		formatCount(p.done), formatCount(p.total), percent(p.done, p.total),
		formatCount(int(rate)), eta, elapsed)
}

// draw replaces the terminal line with line; p.mu is held (or p is not
// shared yet).
func (p *progress) draw(line string) {
	n := utf8.RuneCountInString(line)
	fmt.Fprintf(p.w, "\r%s%s", line, strings.Repeat(" ", max(p.width-n, 0)))
	p.width = n
}

// rate is rows per second: since the first batch when more batches have
// finished, else since the start.
func (p *progress) rate(now time.Time) float64 {
	if p.done > p.firstDone {
		if d := now.Sub(p.first).Seconds(); d > 0 {
			return float64(p.done-p.firstDone) / d
		}
	}
	if d := now.Sub(p.started).Seconds(); d > 0 {
		return float64(p.done) / d
	}
	return 0
}

// barWidth is the width of the bar between its brackets; the whole line
// stays under 80 columns for up to a billion rows.
const barWidth = 20

// progressLine is the terminal line: bar, rows done/total, percent, rows/s
// and the time left.
func progressLine(done, total int, rate float64) string {
	filled := barWidth * done / max(total, 1)
	bar := strings.Repeat("=", filled)
	if filled < barWidth {
		bar += ">" + strings.Repeat(" ", barWidth-filled-1)
	}
	eta := "done"
	if done < total {
		eta = "ETA " + formatETA(total-done, rate)
	}
	return fmt.Sprintf("[%s] %s/%s %3d%% %s rows/s %s", bar,
		formatCount(done), formatCount(total), percent(done, total), formatCount(int(rate)), eta)
}

func percent(done, total int) int {
	if total <= 0 {
		return 100
	}
	return 100 * done / total
}

// formatETA is the time left for rows at rate, or "?" before a rate is known.
func formatETA(rows int, rate float64) string {
	if rate <= 0 {
		return "?"
	}
	return formatDuration(time.Duration(float64(rows) / rate * float64(time.Second)))
}

// formatDuration rounds d for people: 850ms, 4.2s, 1m05s, 2h03m.
func formatDuration(d time.Duration) string {
	switch {
	case d < time.Second:
		return d.Round(time.Millisecond).String()
	case d < time.Minute:
		return d.Round(100 * time.Millisecond).String()
	case d < time.Hour:
		d = d.Round(time.Second)
		return fmt.Sprintf("%dm%02ds", int(d.Minutes()), int(d.Seconds())%60)
	default:
		d = d.Round(time.Minute)
		return fmt.Sprintf("%dh%02dm", int(d.Hours()), int(d.Minutes())%60)
	}
}

// formatCount writes n with thousands separators: 1,234,567.
func formatCount(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
