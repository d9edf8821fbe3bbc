"""Find: blocks -> plans and their rows (`PlanDraft`s of `RawItem`s), by column meaning,
labelled records and minutes."""
