// Ferry's own matcher for Lua 5.4's pattern language (classes, sets, quantifiers * + - ?, anchors,
// captures, %b, %f and back-references), written so every step is counted: Lua's own matcher
// backtracks inside one C call, where no instruction hook runs. See pattern.h.
#include "pattern.h"

#include <ctype.h>
#include <lauxlib.h>
#include <string.h>

#include "sandbox_internal.h"

#define ESCAPE '%'
#define SPECIALS "^$*+?.([%-"
/// Nested matcher calls allowed (as Lua's MAXCCALLS): bounds the C stack.
#define MAX_DEPTH 200

static const char *match(ferry_matcher *m, const char *s, const char *p);

/// Counts one step; charges the sandbox once per FERRY_STEP_STRIDE steps (may raise).
static void step(ferry_matcher *m) {
    if (++m->steps >= FERRY_STEP_STRIDE) {
        ferry_charge(m->L, m->steps);
        m->steps = 0;
    }
}

void ferry_matcher_init(ferry_matcher *m, lua_State *L, const char *s, size_t ls, const char *p, size_t lp) {
    m->L = L;
    m->src_init = s;
    m->src_end = s + ls;
    m->p_end = p + lp;
    m->steps = 0;
    ferry_matcher_reset(m);
}

void ferry_matcher_reset(ferry_matcher *m) {
    m->level = 0;
    m->depth = MAX_DEPTH;
}

void ferry_matcher_finish(ferry_matcher *m) {
    ferry_charge(m->L, m->steps);
    m->steps = 0;
}

int ferry_pattern_has_specials(const char *p, size_t lp) {
    for (size_t i = 0; i < lp; i++) {
        if (p[i] != '\0' && strchr(SPECIALS, p[i]) != NULL) return 1;
    }
    return 0;
}

/// The end of the single-character class starting at `p`.
static const char *class_end(ferry_matcher *m, const char *p) {
    char c = *p++;
    if (c == ESCAPE) {
        if (p >= m->p_end) luaL_error(m->L, "malformed pattern (ends with '%%')");
        return p + 1;
    }
    if (c == '[') {
        if (*p == '^') p++;
        do {  // the first character of a set may be ']'
            if (p >= m->p_end) luaL_error(m->L, "malformed pattern (missing ']')");
            if (*(p++) == ESCAPE && p < m->p_end) p++;
        } while (*p != ']');
        return p + 1;
    }
    return p;
}

static int class_matches(int c, int class_letter) {
    int result;
    switch (tolower(class_letter)) {
    case 'a': result = isalpha(c); break;
    case 'c': result = iscntrl(c); break;
    case 'd': result = isdigit(c); break;
    case 'g': result = isgraph(c); break;
    case 'l': result = islower(c); break;
    case 'p': result = ispunct(c); break;
    case 's': result = isspace(c); break;
    case 'u': result = isupper(c); break;
    case 'w': result = isalnum(c); break;
    case 'x': result = isxdigit(c); break;
    default: return class_letter == c;  // an escaped non-letter stands for itself
    }
    if (isupper(class_letter)) result = !result;
    return result != 0;
}

/// Whether `c` is in the set `[...]` spanning `p` (at '[') to `end` (at ']').
static int set_matches(int c, const char *p, const char *end) {
    int wanted = 1;
    if (*(p + 1) == '^') {
        wanted = 0;
        p++;
    }
    while (++p < end) {
        if (*p == ESCAPE) {
            p++;
            if (class_matches(c, (unsigned char)*p)) return wanted;
        } else if (*(p + 1) == '-' && p + 2 < end) {
            p += 2;
            if ((unsigned char)*(p - 2) <= c && c <= (unsigned char)*p) return wanted;
        } else if ((unsigned char)*p == c) {
            return wanted;
        }
    }
    return !wanted;
}

static int single_matches(ferry_matcher *m, const char *s, const char *p, const char *ep) {
    if (s >= m->src_end) return 0;
    int c = (unsigned char)*s;
    switch (*p) {
    case '.': return 1;
    case ESCAPE: return class_matches(c, (unsigned char)*(p + 1));
    case '[': return set_matches(c, p, ep - 1);
    default: return (unsigned char)*p == c;
    }
}

static const char *match_balance(ferry_matcher *m, const char *s, const char *p) {
    if (p + 1 >= m->p_end) luaL_error(m->L, "malformed pattern (missing arguments to '%%b')");
    if (s >= m->src_end || *s != *p) return NULL;
    char open = *p, close = *(p + 1);
    int depth = 1;
    while (++s < m->src_end) {
        step(m);
        if (*s == close) {
            if (--depth == 0) return s + 1;
        } else if (*s == open) {
            depth++;
        }
    }
    return NULL;
}

static const char *max_expand(ferry_matcher *m, const char *s, const char *p, const char *ep) {
    ptrdiff_t count = 0;
    while (single_matches(m, s + count, p, ep)) {
        count++;
        step(m);
    }
    for (; count >= 0; count--) {  // try the longest repetition first
        const char *result = match(m, s + count, ep + 1);
        if (result != NULL) return result;
    }
    return NULL;
}

static const char *min_expand(ferry_matcher *m, const char *s, const char *p, const char *ep) {
    for (;;) {
        const char *result = match(m, s, ep + 1);
        if (result != NULL) return result;
        if (!single_matches(m, s, p, ep)) return NULL;
        s++;
    }
}

static const char *start_capture(ferry_matcher *m, const char *s, const char *p, ptrdiff_t what) {
    if (m->level >= FERRY_MAX_CAPTURES) luaL_error(m->L, "too many captures");
    m->capture[m->level].init = s;
    m->capture[m->level].len = what;
    m->level++;
    const char *result = match(m, s, p);
    if (result == NULL) m->level--;
    return result;
}

static const char *end_capture(ferry_matcher *m, const char *s, const char *p) {
    int open = -1;
    for (int i = m->level - 1; i >= 0; i--) {
        if (m->capture[i].len == FERRY_CAP_UNFINISHED) {
            open = i;
            break;
        }
    }
    if (open < 0) luaL_error(m->L, "invalid pattern capture");
    m->capture[open].len = s - m->capture[open].init;
    const char *result = match(m, s, p);
    if (result == NULL) m->capture[open].len = FERRY_CAP_UNFINISHED;
    return result;
}

static const char *match_back_reference(ferry_matcher *m, const char *s, int digit) {
    int index = digit - '1';
    if (index < 0 || index >= m->level || m->capture[index].len == FERRY_CAP_UNFINISHED) {
        luaL_error(m->L, "invalid capture index %%%d", index + 1);
    }
    ptrdiff_t length = m->capture[index].len;
    if (length < 0 || m->src_end - s < length) return NULL;  // a position capture never matches text
    step(m);
    if (memcmp(m->capture[index].init, s, (size_t)length) != 0) return NULL;
    return s + length;
}

static const char *match(ferry_matcher *m, const char *s, const char *p) {
    if (m->depth-- == 0) luaL_error(m->L, "pattern too complex");
    for (;;) {
        step(m);
        if (p == m->p_end) break;
        if (*p == '(') {
            s = *(p + 1) == ')' ? start_capture(m, s, p + 2, FERRY_CAP_POSITION)
                                : start_capture(m, s, p + 1, FERRY_CAP_UNFINISHED);
            break;
        }
        if (*p == ')') {
            s = end_capture(m, s, p + 1);
            break;
        }
        if (*p == '$' && p + 1 == m->p_end) {
            if (s != m->src_end) s = NULL;
            break;
        }
        if (*p == ESCAPE && *(p + 1) == 'b') {
            s = match_balance(m, s, p + 2);
            if (s == NULL) break;
            p += 4;
            continue;
        }
        if (*p == ESCAPE && *(p + 1) == 'f') {
            p += 2;
            if (*p != '[') luaL_error(m->L, "missing '[' after '%%f' in pattern");
            const char *ep = class_end(m, p);
            int previous = s == m->src_init ? '\0' : (unsigned char)*(s - 1);
            int current = s < m->src_end ? (unsigned char)*s : '\0';
            if (!set_matches(previous, p, ep - 1) && set_matches(current, p, ep - 1)) {
                p = ep;
                continue;
            }
            s = NULL;
            break;
        }
        if (*p == ESCAPE && isdigit((unsigned char)*(p + 1))) {
            s = match_back_reference(m, s, (unsigned char)*(p + 1));
            if (s == NULL) break;
            p += 2;
            continue;
        }
        const char *ep = class_end(m, p);
        if (!single_matches(m, s, p, ep)) {
            if (*ep == '*' || *ep == '?' || *ep == '-') {  // zero repetitions are fine
                p = ep + 1;
                continue;
            }
            s = NULL;
            break;
        }
        if (*ep == '?') {
            const char *result = match(m, s + 1, ep + 1);
            if (result != NULL) {
                s = result;
                break;
            }
            p = ep + 1;
            continue;
        }
        if (*ep == '+') {
            s = max_expand(m, s + 1, p, ep);
        } else if (*ep == '*') {
            s = max_expand(m, s, p, ep);
        } else if (*ep == '-') {
            s = min_expand(m, s, p, ep);
        } else {
            s++;
            p = ep;
            continue;
        }
        break;
    }
    m->depth++;
    return s;
}

const char *ferry_matcher_match(ferry_matcher *m, const char *s, const char *p) { return match(m, s, p); }

void ferry_matcher_push_capture(ferry_matcher *m, int i, const char *s, const char *e) {
    if (i >= m->level) {
        if (i != 0) luaL_error(m->L, "invalid capture index %%%d", i + 1);
        lua_pushlstring(m->L, s, (size_t)(e - s));  // no captures: the whole match
        return;
    }
    ptrdiff_t length = m->capture[i].len;
    if (length == FERRY_CAP_UNFINISHED) luaL_error(m->L, "unfinished capture");
    if (length == FERRY_CAP_POSITION) {
        lua_pushinteger(m->L, (lua_Integer)(m->capture[i].init - m->src_init) + 1);
    } else {
        lua_pushlstring(m->L, m->capture[i].init, (size_t)length);
    }
}

int ferry_matcher_push_captures(ferry_matcher *m, const char *s, const char *e) {
    int count = (m->level == 0 && s != NULL) ? 1 : m->level;
    luaL_checkstack(m->L, count, "too many captures");
    for (int i = 0; i < count; i++) ferry_matcher_push_capture(m, i, s, e);
    return count;
}
