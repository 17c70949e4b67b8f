package ticketform

import (
	"testing"

	"yunwei/ui/common/screentest"
)

func TestEveryStringIsTranslated(t *testing.T) {
	screentest.Translated(t, ".", []string{"b", "none"})
}
