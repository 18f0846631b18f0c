//go:build go1.21

package roomcodes

import (
	"context"
	"log/slog"
)

// SlogEvents makes a Config.OnEvent hook that logs each event to logger (nil
// logs to slog.Default()): the event's name as the message, at the level the
// library grades it (attempts and responses at Debug; retry waits, transport
// failures and calls that succeeded at Info; calls that failed at Warn), with
// the event's fields as attributes: "operation", "attempt", "elapsed" (on a
// "response", "transport_failure" and "call_ended"), "wait" (on a
// "retry_wait", 0s included), and those with a value of "status", "error"
// and "request_id". Nothing secret is among them. For Go 1.21 and later.
//
//	config.OnEvent = roomcodes.SlogEvents(slog.Default())
func SlogEvents(logger *slog.Logger) func(Event) {
	return func(e Event) {
		l := logger
		if l == nil {
			l = slog.Default()
		}
		level := slogLevels[e.Level]
		ctx := context.Background()
		if !l.Enabled(ctx, level) {
			return
		}
		attrs := append(make([]slog.Attr, 0, 7), slog.String("operation", e.Operation), slog.Int("attempt", e.Attempt))
		if e.HTTPStatus != 0 {
			attrs = append(attrs, slog.Int("status", e.HTTPStatus))
		}
		switch e.Name {
		case "response", "transport_failure", "call_ended":
			attrs = append(attrs, slog.Duration("elapsed", e.Elapsed))
		case "retry_wait":
			attrs = append(attrs, slog.Duration("wait", e.Wait))
		}
		if e.Kind != 0 {
			attrs = append(attrs, slog.String("error", e.Kind.String()))
		}
		if e.RequestID != "" {
			attrs = append(attrs, slog.String("request_id", e.RequestID))
		}
		l.LogAttrs(ctx, level, e.Name, attrs...)
	}
}

// slogLevels is the slog level of each of the library's event levels.
var slogLevels = map[EventLevel]slog.Level{
	EventDebug: slog.LevelDebug,
	EventInfo:  slog.LevelInfo,
	EventWarn:  slog.LevelWarn,
}
