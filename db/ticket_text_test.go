package db

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// Text folds to NFC in lower case, whether or not it is of the kind that
// folding leaves alone: capitals, full-width capitals, decomposed accents
// and compatibility ideographs are folded, Chinese and ASCII kept.
func TestFoldTextIsLowerCaseNFC(t *testing.T) {
	for _, s := range []string{
		"打印机卡纸，已重启。", "his 系统 v2.1", "HIS 系统", "ＨＩＳ系统", "ｈｉｓ", "cafe\u0301", "Café", "豈更", "“引号”—…",
		"第１号窗口（门诊）", "", "\n\n", "Ǆ", "ΣΑΣ", "ß", "İ",
	} {
		if got, want := foldText(s), strings.ToLower(norm.NFC.String(s)); got != want {
			t.Errorf("foldText(%q) = %q, want %q", s, got, want)
		}
	}
}
