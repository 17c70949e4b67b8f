package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"

	"yunwei/db"
	"yunwei/flows"
	"yunwei/flows/ticket"
	"yunwei/model"
)

// Limits of a strokes file (--signature-file): a signature drawn in the
// terminal UI is a few hundred points; the decision refuses more than
// 4,000 all the same.
const (
	maxStrokesFile  = 256 << 10 // bytes
	maxStrokeCoord  = 4095      // canvas dots, either axis
	minStrokePoints = 2
)

// readStrokes reads a drawn signature from a file: JSON, the strokes as
// model.Signature.Strokes holds them, each stroke a pen-down run of canvas
// dots, [[{"x":3,"y":10},{"x":9,"y":4}],[{"x":12,"y":8},…]], x to the
// right and y down, 0 to 4095.
func readStrokes(path string) ([][]model.Point, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, model.Errorf(model.EINVALID, "cannot read %s: %v", path, err)
	}
	defer f.Close()
	raw, err := io.ReadAll(io.LimitReader(f, maxStrokesFile+1))
	if err != nil {
		return nil, model.Errorf(model.EINVALID, "cannot read %s: %v", path, err)
	}
	if len(raw) > maxStrokesFile {
		return nil, model.Errorf(model.EINVALID, "%s is larger than %d KiB: a signature's strokes file is a few KiB of JSON", path, maxStrokesFile>>10)
	}
	var strokes [][]model.Point
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&strokes); err != nil || dec.Decode(new(json.RawMessage)) != io.EOF {
		return nil, model.Errorf(model.EINVALID, `%s is not a strokes file: write the strokes as JSON, e.g. [[{"x":3,"y":10},{"x":9,"y":4}]]`, path)
	}
	points := 0
	for _, s := range strokes {
		for _, p := range s {
			if p.X < 0 || p.Y < 0 || p.X > maxStrokeCoord || p.Y > maxStrokeCoord {
				return nil, model.Errorf(model.EINVALID, "%s has a point at (%d, %d): coordinates go from 0 to %d", path, p.X, p.Y, maxStrokeCoord)
			}
			points++
		}
	}
	if points < minStrokePoints {
		return nil, model.Errorf(model.EINVALID, "%s holds no drawing: a signature needs at least %d points", path, minStrokePoints)
	}
	return strokes, nil
}

// sign gives a customer's decision the contact's signature from the
// command line, typed or drawn, over exactly what the decision will record:
// the decision is checked first (a dry run) for its normalised comment and
// inputs, and the content is hashed as the terminal UI's sign-off hashes
// it (ticket.DecisionContent … Sign), so it verifies alike.
func (c *ticketAct) sign(ctx context.Context, s *db.Store, acting db.Acting, cmd ticket.Act) (ticket.Act, error) {
	var strokes [][]model.Point
	if c.signatureFile != "" {
		var err error
		if strokes, err = readStrokes(c.signatureFile); err != nil {
			return cmd, err
		}
	}
	actor, err := s.ActorFor(ctx, acting)
	if err != nil {
		return cmd, err
	}
	res, err := s.DryRun(ctx, acting, cmd)
	if err != nil {
		return cmd, err
	}
	if len(res.Events) != 1 {
		return cmd, model.Errorf(model.EINTERNAL, "the decision made %d events, not one", len(res.Events))
	}
	var p ticket.DecidedPayload
	if err := res.Events[0].Decode(&p); err != nil {
		return cmd, err
	}
	d, err := s.Ticket(ctx, cmd.ID)
	if err != nil {
		return cmd, err
	}
	cmd.Comment, cmd.Inputs = p.Comment, p.Inputs
	signer := flows.Signer{ContactID: actor.Contact.ID, Name: actor.Contact.Name, Role: p.Role}
	sig := ticket.DecisionContent(&d.State, p.Decision, p.Comment, p.Inputs).By(signer, actor.User.ID).
		Sign(strokes, c.signatureTyped, model.FormatTime(s.Now()))
	cmd.Signature = &sig
	return cmd, nil
}
