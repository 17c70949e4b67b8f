package app

import (
	"context"
	"reflect"
	"runtime"
	"strings"
	"time"
	"unicode"

	tea "github.com/charmbracelet/bubbletea"

	"yunwei/model"
)

// Headless is a run of the app off-screen (DESIGN §8: a headless mode lets
// the whole process be timed from outside). Its frames are plain strings;
// its commands run as Bubble Tea would run them, except the ones that only
// wait to redraw (cursor blinks, ticks).
type Headless struct {
	Width, Height int
	// Keys are replayed once every ticket has loaded, each after the
	// commands of the one before have finished.
	Keys []tea.KeyMsg
	// FirstFrame stops at the first full frame of the queue, without
	// waiting for the whole queue to load.
	FirstFrame bool
	// Timeout bounds the run; 0 means 30 seconds.
	Timeout time.Duration
}

// Run runs m headless and returns the final frame.
func (h Headless) Run(ctx context.Context, m Model) (string, error) {
	final, err := h.run(ctx, m)
	if err != nil {
		return "", err
	}
	return final.View(), nil
}

// run runs m headless and returns the final model.
func (h Headless) run(ctx context.Context, m Model) (Model, error) {
	timeout := h.Timeout
	if timeout == 0 {
		timeout = 30 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	d := newDriver(m, h.Width, h.Height)
	if h.FirstFrame {
		err := d.until(ctx, func() bool { return d.model.FirstFrameReady() })
		return d.model, err
	}
	if err := d.until(ctx, func() bool { return d.model.Loaded() && d.inflight == 0 }); err != nil {
		return d.model, err
	}
	for _, k := range h.Keys {
		if d.quit {
			break
		}
		d.deliver(k)
		if err := d.idle(ctx); err != nil {
			return d.model, err
		}
	}
	return d.model, nil
}

// driver is a minimal Bubble Tea runtime: one goroutine per command, the
// results fed back to Update in the order they arrive.
type driver struct {
	model    Model
	results  chan tea.Msg
	inflight int
	quit     bool
}

// newDriver starts m at w×h: Init, then the window size, as a terminal
// program starts.
func newDriver(m Model, w, h int) *driver {
	d := &driver{model: m, results: make(chan tea.Msg, 256)}
	d.run(m.Init())
	d.deliver(tea.WindowSizeMsg{Width: w, Height: h})
	return d
}

// idle waits until every command has finished (or the app quit).
func (d *driver) idle(ctx context.Context) error {
	return d.until(ctx, func() bool { return d.quit || d.inflight == 0 })
}

func (d *driver) run(cmd tea.Cmd) {
	if cmd == nil || waitsToRedraw(cmd) {
		return
	}
	d.inflight++
	go func() { d.results <- cmd() }()
}

// deliver hands one message to the model, unpacking batches and
// sequences as Bubble Tea does; Bubble Tea's own requests (alt screen,
// mouse modes, window title) mean nothing off-screen.
func (d *driver) deliver(msg tea.Msg) {
	switch msg := msg.(type) {
	case nil:
		return
	case tea.QuitMsg:
		d.quit = true
		return
	case tea.BatchMsg:
		for _, c := range msg {
			d.run(c)
		}
		return
	}
	v := reflect.ValueOf(msg)
	if v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
		// tea.Sequence: run the commands one after another.
		cmds := make([]tea.Cmd, v.Len())
		for i := range cmds {
			cmds[i] = v.Index(i).Interface().(tea.Cmd)
		}
		d.inflight++
		go func() {
			var out []tea.Msg
			for _, c := range cmds {
				if c != nil && !waitsToRedraw(c) {
					out = append(out, c())
				}
			}
			d.results <- tea.Msg(sequenceResult(out))
		}()
		return
	}
	if t := reflect.TypeOf(msg); t.PkgPath() == "github.com/charmbracelet/bubbletea" && !unicode.IsUpper([]rune(t.Name())[0]) {
		return
	}
	if d.quit {
		return
	}
	next, cmd := d.model.Update(msg)
	d.model = next.(Model)
	d.run(cmd)
}

// sequenceResult carries the messages of a sequence, delivered in order.
type sequenceResult []tea.Msg

// until delivers results until cond holds.
func (d *driver) until(ctx context.Context, cond func() bool) error {
	for !cond() {
		if d.inflight == 0 && !d.quit {
			return model.Errorf(model.EINTERNAL, "the headless run stopped before it was ready: nothing left to wait for")
		}
		if d.quit {
			return nil
		}
		select {
		case msg := <-d.results:
			d.inflight--
			if seq, ok := msg.(sequenceResult); ok {
				for _, m := range seq {
					d.deliver(m)
				}
				continue
			}
			d.deliver(msg)
		case <-ctx.Done():
			return model.Errorf(model.EINTERNAL, "the headless run did not finish: %v", ctx.Err())
		}
	}
	return nil
}

// waitsToRedraw reports whether cmd only waits and then redraws: a cursor
// blink, a tick, a spinner frame. Off-screen they would only keep the run
// alive.
func waitsToRedraw(cmd tea.Cmd) bool {
	f := runtime.FuncForPC(reflect.ValueOf(cmd).Pointer())
	if f == nil {
		return false
	}
	name := f.Name()
	for _, s := range []string{"bubbles/cursor", "bubbletea.Tick", "bubbletea.Every", "spinner", "Blink", "bubbletea.WindowSize"} {
		if strings.Contains(name, s) {
			return true
		}
	}
	return false
}

// FirstFrameReady reports whether the first full frame can be drawn: the
// queue's first screenful has arrived (or the setup form is up).
func (m Model) FirstFrameReady() bool { return !m.ready || m.queue().HasFirstPage() }

// Loaded reports whether every ticket has loaded (or the setup form is
// up): headless key scripts start then, so they act on the whole queue.
func (m Model) Loaded() bool { return !m.ready || m.queue().Loaded() }
