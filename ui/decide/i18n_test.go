package decide

import (
	"testing"

	"yunwei/ui/common/screentest"
)

func TestEveryStringIsTranslated(t *testing.T) {
	screentest.Translated(t, ".", []string{"b", "none"}, "excellent", "good", "fair", "poor", "very poor")
}
