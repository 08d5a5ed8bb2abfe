//! `mediaquiz check`.
