package app

import (
	"yunwei/model"
	"yunwei/ui/approval"
	"yunwei/ui/common"
	"yunwei/ui/detail"
	"yunwei/ui/ticketform"
)

// The screens of the other packages, by the names the root uses.
type (
	approvalScreen = approval.Model
	detailScreen   = detail.Model
	formScreen     = ticketform.Model
)

func newApprovalScreen(d common.Deps) approvalScreen { return approval.New(d) }

func newDetailScreen(d common.Deps, id model.ID) detailScreen { return detail.New(d, id) }

func newFormScreen(d common.Deps) formScreen { return ticketform.New(d) }
