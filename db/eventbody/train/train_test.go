package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
)

// The released dictionary is what this program builds: anyone can
// regenerate it and see that it holds demo data of its own seed only.
func TestTrainingGivesTheReleasedDictionary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a demo database of 3,000 tickets")
	}
	got, err := Train(context.Background(), filepath.Join(t.TempDir(), "train.db"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../dict-v1.bin")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("training gives %d bytes that differ from dict-v1.bin (%d bytes)", len(got), len(want))
	}
}

// The released codes are what this program builds from the same data.
func TestTrainingGivesTheReleasedCodes(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a demo database of 3,000 tickets")
	}
	got, err := TrainCodes(context.Background(), filepath.Join(t.TempDir(), "train.db"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../codes-v2.bin")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("training gives %d bytes that differ from codes-v2.bin (%d bytes)", len(got), len(want))
	}
}
