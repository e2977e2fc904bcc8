"""Event coding: triggers, arguments, modality and the merging of mentions."""
