package common_test

import (
	"testing"

	"yunwei/ui/common/screentest"
)

func TestEveryStringIsTranslated(t *testing.T) {
	screentest.Translated(t, ".", []string{"b"})
}
