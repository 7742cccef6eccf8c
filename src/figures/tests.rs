//! figures tests
