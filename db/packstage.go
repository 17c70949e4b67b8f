package db

// With write-behind, the events' bodies are packed on the way to the
// writer rather than beside the batch: the INSERT is queued with each raw
// canonical body marked rawBody, and a stage of its own between the batch
// and the writer replaces each with storeBody's bytes, so deciding never
// waits for a packing (the demo packs half a million bodies). The stage
// hands the writes on in the order they came, settles included, so the
// writer sees exactly what it would have seen had the batch packed them.

// rawBody is an event's canonical body waiting to be packed (storeBody)
// before its row is written. The driver refuses the type, so one the
// stage missed fails the batch rather than storing unpacked bytes.
type rawBody []byte

// packStage packs the bodies in the writes it receives and passes them
// on; it closes out when in is closed.
func packStage(in <-chan []aWrite, out chan<- []aWrite) {
	defer close(out)
	for chunk := range in {
		for _, x := range chunk {
			if x.bodies {
				packArgs(x.args)
			}
		}
		out <- chunk
	}
}

// packArgs replaces every rawBody among args with what to store for it.
func packArgs(args []any) {
	for i, a := range args {
		if raw, ok := a.(rawBody); ok {
			args[i] = storeBody(raw)
		}
	}
}
