// Placeholder: the web app replaces this file.
"use strict";
