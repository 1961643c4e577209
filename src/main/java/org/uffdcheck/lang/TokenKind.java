package org.uffdcheck.lang;

import java.util.HashMap;
import java.util.Map;

/** The kinds of token in a model; keywords are reserved and cannot be used as names. */
public enum TokenKind {
    IDENT(null), INT(null), STRING(null), EOF(null),

    INCLUDE("include"), CONST("const"), ENUM("enum"), STRUCT("struct"), VAR("var"), PROC("proc"),
    INVARIANT("invariant"), REACHABLE("reachable"), SCENARIO("scenario"),
    BOOL("bool"), INT_TYPE("int"), RWSEM("rwsem"), SPINLOCK("spinlock"), LIST("list"),
    IF("if"), ELSE("else"), WHILE("while"), FOR("for"), IN("in"), ATOMIC("atomic"), AWAIT("await"),
    EITHER("either"), OR("or"), SELECT("select"), ASSERT("assert"), RETURN("return"),
    BREAK("break"), CONTINUE("continue"), SKIP("skip"), TRUE("true"), FALSE("false"),
    FORALL("forall"), EXISTS("exists"),

    LBRACE("{"), RBRACE("}"), LPAREN("("), RPAREN(")"), LBRACKET("["), RBRACKET("]"),
    LT("<"), GT(">"), SEMI(";"), COLON(":"), COMMA(","), DOT("."), DOTDOT(".."),
    ASSIGN("="), EQ("=="), NE("!="), LE("<="), GE(">="), AND("&&"), OROR("||"), NOT("!"),
    PLUS("+"), MINUS("-"), STAR("*"), SLASH("/"), PERCENT("%"), AT("@"), ARROW("->"), LEADS_TO("~>");

    /** How the token is written, or null for tokens whose text varies. */
    public final String spelling;

    TokenKind(String spelling) { this.spelling = spelling; }

    private static final Map<String, TokenKind> KEYWORDS = new HashMap<>();

    static {
        for (TokenKind k : values()) {
            if (k.spelling != null && Character.isLetter(k.spelling.charAt(0))) KEYWORDS.put(k.spelling, k);
        }
    }

    /** The keyword spelled {@code word}, or IDENT if it is an ordinary name. */
    public static TokenKind keywordOrIdent(String word) { return KEYWORDS.getOrDefault(word, IDENT); }

    public boolean isKeyword() { return spelling != null && Character.isLetter(spelling.charAt(0)); }

    /** How messages name this kind when it was expected. */
    public String describe() {
        return switch (this) {
            case IDENT -> "a name";
            case INT -> "an integer";
            case STRING -> "a string";
            case EOF -> "end of file";
            default -> "'" + spelling + "'";
        };
    }
}
