"""Reading papers and finding their plans: read (format -> blocks) -> find (plans and rows)
-> interpret (dates, owners, ratings, references).  Imports point one way along the stages."""
