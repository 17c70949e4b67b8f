package ticket

import (
	"strings"

	"golang.org/x/text/unicode/norm"

	"yunwei/flows"
	"yunwei/model"
)

// requireSignature: no customer decision without the customer (DESIGN §5).
// A decision taken in a customer role carries the contact's signature,
// drawn (in the terminal UI's sign-off, or a file of strokes) or typed;
// a typed signature is the contact's own name, and a contract may refuse
// typed signatures altogether. A preview (flows.Env.Preview) checks the
// decision before anyone signs, so it needs none yet.
func requireSignature(env flows.Env, s *State, role model.Role, sig *model.Signature) error {
	who := env.Actor.Contact
	if sig == nil {
		if env.Preview {
			return nil
		}
		return model.Errorf(model.EINVALID, "%s decides as the customer's %s, so the decision needs their signature: in the terminal UI they sign on the screen; on the command line give --signature-typed with the name they type, or --signature-file with a file of their drawing",
			who.Name, role.Word())
	}
	drawn := false
	for _, stroke := range sig.Strokes {
		drawn = drawn || len(stroke) > 0
	}
	if typed := sig.Typed; typed != "" && foldName(typed) != foldName(who.Name) {
		return model.Errorf(model.EINVALID, "the typed signature %q is not %s's name: the person deciding types their own name, as the contact list has it", typed, who.Name)
	}
	if drawn {
		return nil
	}
	contract, err := env.Dir.Contract(s.ContractID)
	if err := flows.MustExist(err, "ticket contract"); err != nil {
		return err
	}
	if contract.RequireDrawnSignature {
		return model.Errorf(model.EINVALID, "contract %s requires drawn signatures: %s signs by drawing, in the terminal UI's sign-off or with --signature-file, not by typing a name", contract.Number, who.Name)
	}
	return nil
}

// foldName is a name as people mean it: NFC, single spaces, no ends.
func foldName(s string) string { return norm.NFC.String(strings.Join(strings.Fields(s), " ")) }
