"""Interpret: pure functions of a cell's text and the paper's context -> deadlines, owners,
ratings, references; `interpret_item` puts them together for one row."""
