-- A contract may require its customer to sign decisions by drawing: a typed
-- name is then refused (model.Contract.RequireDrawnSignature).
ALTER TABLE contracts ADD COLUMN require_drawn_signature INTEGER NOT NULL DEFAULT 0;
