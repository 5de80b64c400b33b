// The OpenQASM parser of qdc. One grammar reads OpenQASM 3 and OpenQASM 2.0: the version
// header decides the semantics in the binder, and the one place where the two languages parse
// differently ('^' is power in OpenQASM 2 and xor in OpenQASM 3) is settled by Qasm2 below.
// The grammar accepts more than qdc compiles (def, extern, while, switch, timing, arrays) so
// that each such construct gets one precise "not supported" diagnostic from the binder.
parser grammar QasmParser;

options {
    tokenVocab = QasmLexer;
}

@parser::members {
    /// <summary>Parse with OpenQASM 2.0 expression rules ('^' is a right-associative power).</summary>
    public bool Qasm2 { get; set; }
}

program: version? statementOrScope* EOF;
version: OPENQASM (VersionSpecifier | VersionError) SEMICOLON;

statementOrScope: statement | scope;
scope: LBRACE statementOrScope* RBRACE;

statement
    : PRAGMA
    | ANNOTATION* (
        aliasDeclarationStatement
        | assignmentStatement
        | barrierStatement
        | boxStatement
        | breakStatement
        | calStatement
        | calibrationGrammarStatement
        | classicalDeclarationStatement
        | constDeclarationStatement
        | continueStatement
        | defStatement
        | defcalStatement
        | delayStatement
        | endStatement
        | expressionStatement
        | externStatement
        | forStatement
        | gateCallStatement
        | gateStatement
        | opaqueStatement
        | ifStatement
        | includeStatement
        | ioDeclarationStatement
        | measureArrowAssignmentStatement
        | nopStatement
        | oldStyleDeclarationStatement
        | quantumDeclarationStatement
        | resetStatement
        | returnStatement
        | switchStatement
        | whileStatement
    )
    ;

// ---- directives and declarations ----

includeStatement: INCLUDE (StringLiteral | BitstringLiteral) SEMICOLON;
calibrationGrammarStatement: DEFCALGRAMMAR (StringLiteral | BitstringLiteral) SEMICOLON;
calStatement: CAL_BLOCK;
defcalStatement: DEFCAL_BLOCK;

oldStyleDeclarationStatement: (QREG | CREG) Identifier designator? SEMICOLON;
quantumDeclarationStatement: qubitType Identifier SEMICOLON;
classicalDeclarationStatement: (scalarType | arrayType) Identifier (EQUALS declarationExpression)? SEMICOLON;
constDeclarationStatement: CONST scalarType Identifier EQUALS declarationExpression SEMICOLON;
ioDeclarationStatement: (INPUT | OUTPUT) (scalarType | arrayType) Identifier SEMICOLON;
aliasDeclarationStatement: LET Identifier EQUALS aliasExpression SEMICOLON;

gateStatement: GATE Identifier (LPAREN params=identifierList? RPAREN)? qubits=identifierList scope;
opaqueStatement: OPAQUE Identifier (LPAREN params=identifierList? RPAREN)? qubits=identifierList SEMICOLON;
defStatement: DEF Identifier LPAREN argumentDefinitionList? RPAREN returnSignature? scope;
externStatement: EXTERN Identifier LPAREN externArgumentList? RPAREN returnSignature? SEMICOLON;

// ---- control flow ----

breakStatement: BREAK SEMICOLON;
continueStatement: CONTINUE SEMICOLON;
endStatement: END SEMICOLON;
forStatement: FOR scalarType? Identifier IN (setExpression | LBRACKET rangeExpression RBRACKET | expression) body=statementOrScope;
ifStatement: IF LPAREN expression RPAREN if_body=statementOrScope (ELSE else_body=statementOrScope)?;
returnStatement: RETURN (expression | measureExpression)? SEMICOLON;
whileStatement: WHILE LPAREN expression RPAREN body=statementOrScope;
switchStatement: SWITCH LPAREN expression RPAREN LBRACE switchCaseItem* RBRACE;
switchCaseItem: CASE expressionList scope | DEFAULT scope;

// ---- quantum statements ----

barrierStatement: BARRIER gateOperandList? SEMICOLON;
boxStatement: BOX designator? scope;
delayStatement: DELAY designator gateOperandList? SEMICOLON;
nopStatement: NOP gateOperandList? SEMICOLON;
gateCallStatement
    : gateModifier* Identifier (LPAREN expressionList? RPAREN)? designator? gateOperandList SEMICOLON
    | gateModifier* GPHASE (LPAREN expressionList? RPAREN)? designator? gateOperandList? SEMICOLON
    ;
measureArrowAssignmentStatement: measureExpression (ARROW indexedIdentifier)? SEMICOLON;
resetStatement: RESET gateOperand SEMICOLON;

// ---- classical statements ----

assignmentStatement: indexedIdentifier op=(EQUALS | CompoundAssignmentOperator) (expression | measureExpression) SEMICOLON;
expressionStatement: expression SEMICOLON;

// ---- expressions, from the tightest binding to the loosest ----

expression
    : LPAREN expression RPAREN                                  # parenthesisExpression
    | expression indexOperator                                  # indexExpression
    | <assoc = right> expression op = DOUBLE_ASTERISK expression # powerExpression
    | <assoc = right> expression {Qasm2}? op = CARET expression # qasm2PowerExpression
    | op = (TILDE | EXCLAMATION_POINT | MINUS) expression       # unaryExpression
    | expression op = (ASTERISK | SLASH | PERCENT) expression   # multiplicativeExpression
    | expression op = (PLUS | MINUS) expression                 # additiveExpression
    | expression op = BitshiftOperator expression               # bitshiftExpression
    | expression op = ComparisonOperator expression             # comparisonExpression
    | expression op = EqualityOperator expression               # equalityExpression
    | expression op = AMPERSAND expression                      # bitwiseAndExpression
    | expression {!Qasm2}? op = CARET expression                # bitwiseXorExpression
    | expression op = PIPE expression                           # bitwiseOrExpression
    | expression op = DOUBLE_AMPERSAND expression               # logicalAndExpression
    | expression op = DOUBLE_PIPE expression                    # logicalOrExpression
    | (scalarType | arrayType) LPAREN expression RPAREN         # castExpression
    | DURATIONOF LPAREN scope RPAREN                            # durationofExpression
    | Identifier LPAREN expressionList? RPAREN                  # callExpression
    | (
        Identifier
        | BinaryIntegerLiteral
        | OctalIntegerLiteral
        | DecimalIntegerLiteral
        | HexIntegerLiteral
        | FloatLiteral
        | ImaginaryLiteral
        | BooleanLiteral
        | BitstringLiteral
        | TimingLiteral
        | HardwareQubit
    ) # literalExpression
    ;

aliasExpression: expression (DOUBLE_PLUS expression)*;
declarationExpression: arrayLiteral | expression | measureExpression;
measureExpression: MEASURE gateOperand;
rangeExpression: expression? COLON expression? (COLON expression)?;
setExpression: LBRACE expression (COMMA expression)* COMMA? RBRACE;
arrayLiteral: LBRACE ((expression | arrayLiteral) (COMMA (expression | arrayLiteral))* COMMA?)? RBRACE;

indexOperator
    : LBRACKET (
        setExpression
        | (expression | rangeExpression) (COMMA (expression | rangeExpression))* COMMA?
    ) RBRACKET
    ;
indexedIdentifier: Identifier indexOperator*;

// ---- types and operands ----

returnSignature: ARROW scalarType;
gateModifier: (INV | POW LPAREN expression RPAREN | (CTRL | NEGCTRL) (LPAREN expression RPAREN)?) AT;

scalarType
    : BIT designator?
    | INT designator?
    | UINT designator?
    | FLOAT designator?
    | ANGLE designator?
    | BOOL
    | DURATION
    | STRETCH
    | COMPLEX (LBRACKET scalarType RBRACKET)?
    ;
qubitType: QUBIT designator?;
arrayType: ARRAY LBRACKET scalarType COMMA expressionList RBRACKET;
arrayReferenceType: (READONLY | MUTABLE) ARRAY LBRACKET scalarType COMMA (expressionList | DIM EQUALS expression) RBRACKET;

designator: LBRACKET expression RBRACKET;

gateOperand: indexedIdentifier | HardwareQubit;
externArgument: scalarType | arrayReferenceType | CREG designator?;
argumentDefinition
    : scalarType Identifier
    | qubitType Identifier
    | (CREG | QREG) Identifier designator?
    | arrayReferenceType Identifier
    ;

argumentDefinitionList: argumentDefinition (COMMA argumentDefinition)* COMMA?;
expressionList: expression (COMMA expression)* COMMA?;
identifierList: Identifier (COMMA Identifier)* COMMA?;
gateOperandList: gateOperand (COMMA gateOperand)* COMMA?;
externArgumentList: externArgument (COMMA externArgument)* COMMA?;
