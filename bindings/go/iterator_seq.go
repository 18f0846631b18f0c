//go:build cgo && go1.23

package roomcodes

import (
	"context"
	"iter"
)

// All is Codes as a Go 1.23 iterator:
//
//	for code, err := range client.All(ctx, roomID, nil) {
//		if err != nil { ... }
//		...
//	}
//
// An error ends the walk as the last pair.
func (c *Client) All(ctx context.Context, roomID string, filter *ListFilter) iter.Seq2[RoomCode, error] {
	return func(yield func(RoomCode, error) bool) {
		it := c.Codes(ctx, roomID, filter)
		defer it.Close()
		for it.Next() {
			if !yield(it.Code(), nil) {
				return
			}
		}
		if err := it.Err(); err != nil {
			yield(RoomCode{}, err)
		}
	}
}
