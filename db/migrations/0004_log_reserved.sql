-- Reserved: this number belongs to a change made beside this one; the file
-- it holds replaces this placeholder when both are merged.
SELECT 1;
