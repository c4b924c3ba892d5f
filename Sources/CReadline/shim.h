#ifndef CALLSIM_READLINE_SHIM_H
#define CALLSIM_READLINE_SHIM_H
// readline.h uses FILE without including stdio.h.
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>
#endif
