// The OpenQASM lexer of qdc: OpenQASM 3, which also covers the tokens of OpenQASM 2.0.
// Written for qdc from the OpenQASM 2 and 3 language specifications. Constructs that qdc
// does not compile (calibration blocks, pragmas) are still tokenised whole, so the binder can
// name them in one precise diagnostic instead of a cascade of syntax errors.
lexer grammar QasmLexer;

@lexer::members {
    // True when nothing but blanks stands between the start of the line and the current token;
    // annotations ('@name ...') are only recognised there, so that 'ctrl@x' stays a modifier.
    private bool AtLineStart()
    {
        int i = TokenStartCharIndex - 1;
        while (i >= 0)
        {
            int c = ((Antlr4.Runtime.ICharStream)InputStream).GetText(Antlr4.Runtime.Misc.Interval.Of(i, i))[0];
            if (c == '\n') return true;
            if (c != ' ' && c != '\t' && c != '\r') return false;
            i--;
        }
        return true;
    }
}

OPENQASM: 'OPENQASM' -> pushMode(VERSION_IDENTIFIER);
INCLUDE: 'include';
DEFCALGRAMMAR: 'defcalgrammar';
DEF: 'def';
CAL_BLOCK: 'cal' [ \t\r\n]* BraceBlock;
DEFCAL_BLOCK: 'defcal' [ \t\r\n] ~[{;]* BraceBlock;
GATE: 'gate';
OPAQUE: 'opaque';
EXTERN: 'extern';
BOX: 'box';
LET: 'let';

BREAK: 'break';
CONTINUE: 'continue';
IF: 'if';
ELSE: 'else';
END: 'end';
RETURN: 'return';
FOR: 'for';
WHILE: 'while';
IN: 'in';
SWITCH: 'switch';
CASE: 'case';
DEFAULT: 'default';
NOP: 'nop';

PRAGMA: '#'? 'pragma' [ \t]+ ~[\r\n]*;
ANNOTATION: '@' [a-zA-Z_] [a-zA-Z0-9_.]* {AtLineStart()}? ~[\r\n]*;

INPUT: 'input';
OUTPUT: 'output';
CONST: 'const';
READONLY: 'readonly';
MUTABLE: 'mutable';

QREG: 'qreg';
QUBIT: 'qubit';
CREG: 'creg';
BOOL: 'bool';
BIT: 'bit';
INT: 'int';
UINT: 'uint';
FLOAT: 'float';
ANGLE: 'angle';
COMPLEX: 'complex';
ARRAY: 'array';
VOID: 'void';
DURATION: 'duration';
STRETCH: 'stretch';

GPHASE: 'gphase';
INV: 'inv';
POW: 'pow';
CTRL: 'ctrl';
NEGCTRL: 'negctrl';
DIM: '#dim';
DURATIONOF: 'durationof';
DELAY: 'delay';
RESET: 'reset';
MEASURE: 'measure';
BARRIER: 'barrier';

BooleanLiteral: 'true' | 'false';

LBRACKET: '[';
RBRACKET: ']';
LBRACE: '{';
RBRACE: '}';
LPAREN: '(';
RPAREN: ')';
COLON: ':';
SEMICOLON: ';';
DOT: '.';
COMMA: ',';
EQUALS: '=';
ARROW: '->';
PLUS: '+';
DOUBLE_PLUS: '++';
MINUS: '-';
ASTERISK: '*';
DOUBLE_ASTERISK: '**';
SLASH: '/';
PERCENT: '%';
PIPE: '|';
DOUBLE_PIPE: '||';
AMPERSAND: '&';
DOUBLE_AMPERSAND: '&&';
CARET: '^';
AT: '@';
TILDE: '~';
EXCLAMATION_POINT: '!';

EqualityOperator: '==' | '!=';
CompoundAssignmentOperator: '+=' | '-=' | '*=' | '/=' | '&=' | '|=' | '~=' | '^=' | '<<=' | '>>=' | '%=' | '**=';
ComparisonOperator: '>' | '<' | '>=' | '<=';
BitshiftOperator: '>>' | '<<';

ImaginaryLiteral: (DecimalIntegerLiteral | FloatLiteral) [ \t]* 'im';
BinaryIntegerLiteral: ('0b' | '0B') ([01] '_'?)* [01];
OctalIntegerLiteral: '0o' ([0-7] '_'?)* [0-7];
DecimalIntegerLiteral: ([0-9] '_'?)* [0-9];
HexIntegerLiteral: ('0x' | '0X') ([0-9a-fA-F] '_'?)* [0-9a-fA-F];

fragment ValidUnicode: [\p{Lu}\p{Ll}\p{Lt}\p{Lm}\p{Lo}\p{Nl}];
fragment Letter: [A-Za-z];
fragment FirstIdCharacter: '_' | ValidUnicode | Letter;
fragment GeneralIdCharacter: FirstIdCharacter | [0-9];

Identifier: FirstIdCharacter GeneralIdCharacter*;
HardwareQubit: '$' [0-9]+;

fragment FloatLiteralExponent: [eE] (PLUS | MINUS)? DecimalIntegerLiteral;
FloatLiteral:
    // 1_123e-3, 123e+4 or 123E5 (needs the exponent or else it's just an integer).
    DecimalIntegerLiteral FloatLiteralExponent
    // .1234_5678 or .1e3 (no digits before the dot).
    | DOT DecimalIntegerLiteral FloatLiteralExponent?
    // 123.456, 123. or 145.32e+1_00.
    | DecimalIntegerLiteral DOT DecimalIntegerLiteral? FloatLiteralExponent?;

fragment TimeUnit: 'dt' | 'ns' | 'us' | 'µs' | 'ms' | 's';
TimingLiteral: (DecimalIntegerLiteral | FloatLiteral) [ \t]* TimeUnit;

BitstringLiteral: '"' ([01] '_'?)* [01] '"';
StringLiteral: '"' ~["\r\t\n]*? '"' | '\'' ~['\r\t\n]*? '\'';

Whitespace: [ \t\f]+ -> skip;
Newline: [\r\n]+ -> skip;
LineComment: '//' ~[\r\n]* -> skip;
BlockComment: '/*' .*? '*/' -> skip;

// Faults the front end reports in its own words rather than as generic syntax errors.
UnterminatedBlockComment: '/*' (~'*' | '*'+ ~[*/])* '*'* EOF;
UnterminatedString: '"' ~["\r\n]* | '\'' ~['\r\n]*;
ErrorCharacter: .;

fragment BraceBlock: '{' (BraceBlock | ~[{}])* '}';

// The version after OPENQASM: '3', '3.0', '2.0'. Anything else is passed on to the binder.
mode VERSION_IDENTIFIER;
VERSION_IDENTIFER_WHITESPACE: [ \t\r\n]+ -> skip;
VersionSpecifier: [0-9]+ ('.' [0-9]+)? -> popMode;
VersionError: . -> popMode;
