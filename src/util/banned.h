/* banned.h: functions too easy to misuse with user data, made compile
 * errors (as git's banned.h): strbuf, snprintf and the length-taking
 * copies do their work. Included by util/compat.h after the system headers
 * that declare them, so their declarations are not rewritten. */
#ifndef RAPPORT_BANNED_H
#define RAPPORT_BANNED_H

#define BANNED(func) sorry_##func##_is_a_banned_function

#undef strcpy
#define strcpy(x, y) BANNED(strcpy)
#undef strcat
#define strcat(x, y) BANNED(strcat)
#undef strncpy
#define strncpy(x, y, n) BANNED(strncpy)
#undef strncat
#define strncat(x, y, n) BANNED(strncat)
#undef strtok
#define strtok(x, y) BANNED(strtok)
#undef gets
#define gets(x) BANNED(gets)

#undef sprintf
#undef vsprintf
#define sprintf(...) BANNED(sprintf)
#define vsprintf(...) BANNED(vsprintf)

#endif
