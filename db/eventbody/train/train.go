package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"sort"
	"strings"
	"time"

	"yunwei/db/demo"
	"yunwei/db/eventbody"
	"yunwei/model"
)

// The training data: demo tickets from a seed other than the measured one.
const (
	Tickets = 3000
	Seed    = 7
	// MaxSize bounds the dictionary: the far copies of the packing reach
	// 64 KiB back, and a body may be long.
	MaxSize = 32 << 10
)

// Anchor is the demo's "now", fixed so that its times are the same on
// every run.
var Anchor = time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)

// fixedDevice stands for the training database's own device id.
const fixedDevice = "00000000-0000-7000-8000-000000000000"

// Train builds demo data at path and returns the dictionary: one event of
// each shape (type and payload fields), the most frequent shapes last, so
// that they are the nearest to the body being packed.
func Train(ctx context.Context, path string) ([]byte, error) {
	bodies, err := demoBodies(ctx, path)
	if err != nil {
		return nil, err
	}
	count := map[string]int{}
	first := map[string][]byte{}
	var shapes []string
	for _, body := range bodies {
		s, err := shape(body)
		if err != nil {
			return nil, err
		}
		if count[s] == 0 {
			shapes = append(shapes, s)
			first[s] = body
		}
		count[s]++
	}
	sort.SliceStable(shapes, func(i, j int) bool { return count[shapes[i]] > count[shapes[j]] })
	var picked [][]byte
	size := 0
	for _, s := range shapes {
		if size+len(first[s]) <= MaxSize {
			picked = append(picked, first[s])
			size += len(first[s])
		}
	}
	var dict []byte
	for i := len(picked) - 1; i >= 0; i-- {
		dict = append(dict, picked[i]...)
	}
	return dict, nil
}

// TrainCodes builds demo data at path and returns the codes file made
// from every one of its events (eventbody.TrainCodes).
func TrainCodes(ctx context.Context, path string) ([]byte, error) {
	bodies, err := demoBodies(ctx, path)
	if err != nil {
		return nil, err
	}
	return eventbody.TrainCodes(bodies), nil
}

// demoBodies builds demo data at path and returns the canonical body of
// each of its events, in the order they were written, the device's id
// replaced by fixedDevice.
func demoBodies(ctx context.Context, path string) ([][]byte, error) {
	if _, err := demo.Create(ctx, path, demo.Options{Tickets: Tickets, Seed: Seed, Anchor: Anchor}); err != nil {
		return nil, err
	}
	conn, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	var device model.ID
	if err := conn.QueryRowContext(ctx, "SELECT id FROM local_device").Scan(&device); err != nil {
		return nil, err
	}
	rows, err := conn.QueryContext(ctx, "SELECT body FROM events ORDER BY n")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][]byte
	for rows.Next() {
		var stored []byte
		if err := rows.Scan(&stored); err != nil {
			return nil, err
		}
		body, err := eventbody.Decode(stored)
		if err != nil {
			return nil, err
		}
		out = append(out, []byte(strings.ReplaceAll(string(body), device.String(), fixedDevice)))
	}
	return out, rows.Err()
}

// shape is an event's type and the paths of its payload's fields.
func shape(body []byte) (string, error) {
	var env struct {
		Type    string         `json:"type"`
		Payload map[string]any `json:"payload"`
	}
	if err := json.Unmarshal(body, &env); err != nil {
		return "", err
	}
	var paths []string
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		if m, ok := v.(map[string]any); ok {
			for k, inner := range m {
				paths = append(paths, prefix+k)
				walk(prefix+k+".", inner)
			}
		}
	}
	walk("", env.Payload)
	sort.Strings(paths)
	return env.Type + " " + strings.Join(paths, ","), nil
}
