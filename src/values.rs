//! Stage 2, values: turn cell text into numbers, money, percentages, dates, ranges and
//! satisfaction scores the way a Chinese finance export writes them. OWNER: reading helper (stub).
