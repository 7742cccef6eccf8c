//! Charts for the report, drawn with plotters into RGB pixel buffers. OWNER: report helper (stub).
