package ticket

import (
	"reflect"
	"testing"

	"yunwei/flows"
	"yunwei/model"
)

func memoContent() SignedDecision {
	return SignedDecision{
		Version: flows.SignatureVersion, Ticket: "DEM-2026-0001", Kind: model.KindDataCorrection, Title: "批量导入的选课有误",
		Description: "教务处反映：选课数据有误", ContractID: model.NewID(), SiteID: model.NewID(), SystemID: model.NewID(),
		RequesterID: model.NewID(), Step: "dept_approval", Decision: "approve", Comment: "同意",
		Inputs: map[string]string{"plan": "先备份"}, Facts: map[string]SignedFact{"plan": {Value: "先备份"}},
		Signer: flows.Signer{ContactID: model.NewID(), Name: "黄立新", Role: model.RoleDeptHead}, Actor: model.NewID(),
	}
}

// A decision's hash is taken from memory only for the very content last
// hashed: content that differs in any one field hashes anew, as canonical
// JSON says.
func TestSameDecisionComparesEveryField(t *testing.T) {
	base := memoContent()
	v := reflect.ValueOf(&base).Elem()
	for i := range v.NumField() {
		other := memoContent()
		other.ContractID, other.SiteID, other.SystemID, other.RequesterID = base.ContractID, base.SiteID, base.SystemID, base.RequesterID
		other.Signer.ContactID, other.Actor = base.Signer.ContactID, base.Actor
		if !sameDecision(base, other) {
			t.Fatal("equal contents compare unequal")
		}
		f := reflect.ValueOf(&other).Elem().Field(i)
		switch f.Kind() {
		case reflect.Int:
			f.SetInt(f.Int() + 1)
		case reflect.String:
			f.SetString(f.String() + "改")
		case reflect.Array: // an id
			f.Index(0).SetUint(f.Index(0).Uint() + 1)
		case reflect.Map:
			other.Inputs = map[string]string{"plan": "先备份", "x": "y"}
			other.Facts = map[string]SignedFact{"plan": {Value: "先备份", Event: model.EventID{1}}}
		case reflect.Struct: // the signer
			other.Signer.Name += "改"
		default:
			t.Fatalf("field %s of kind %s is not covered", v.Type().Field(i).Name, f.Kind())
		}
		if sameDecision(base, other) {
			t.Errorf("contents differing in %s compare equal", v.Type().Field(i).Name)
		}
		DecisionHash(base)
		if got, want := DecisionHash(other), flows.MustContentHash(other); got != want {
			t.Errorf("differing in %s: hash %s, want %s", v.Type().Field(i).Name, got, want)
		}
	}
}

// The memory keeps its own copy of what it hashed: content changed in
// place after being hashed hashes as it now is.
func TestDecisionHashOfContentChangedInPlace(t *testing.T) {
	c := memoContent()
	before := DecisionHash(c)
	c.Inputs["plan"] = "不备份"
	if got, want := DecisionHash(c), flows.MustContentHash(c); got != want || got == before {
		t.Errorf("after the change: %s, want %s (before %s)", got, want, before)
	}
	strokes := [][]model.Point{{{X: 1, Y: 2}, {X: 3, Y: 4}}}
	first := strokesHashes.of(strokes)
	strokes[0][1].Y = 5
	if got, want := strokesHashes.of(strokes), flows.StrokesHash(strokes); got != want || got == first {
		t.Errorf("after the drawing changed: %s, want %s", got, want)
	}
}
