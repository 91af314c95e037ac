package dev.primer.dsl.text;

import dev.primer.dsl.base.Quoted;
import dev.primer.dsl.base.Visible;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the text form into tokens: words, numbers, quoted texts ({@code "a \"b\" c"}, a
 * double quote or backslash inside escaped by a backslash) and the punctuation
 * {@code . , ( )}. A text token's {@code text} is its content, escapes undone.
 */
final class Lexer {
  private Lexer() {
    throw new AssertionError("no instances");
  }

  enum Kind { WORD, NUMBER, TEXT, DOT, COMMA, OPEN, CLOSE, END }

  /** A token and its 1-based column. */
  record Token(Kind kind, String text, int column) {
    String describe() {
      return switch (kind) {
        case END -> "the end of the text";
        case TEXT -> Visible.of(new Quoted(text).toString());
        default -> "'" + Visible.of(text) + "'";
      };
    }
  }

  static List<Token> tokens(String text) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int column = i + 1;
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '.' && !(i + 1 < text.length() && Character.isDigit(text.charAt(i + 1))
          && (tokens.isEmpty() || tokens.get(tokens.size() - 1).kind() != Kind.WORD
              && tokens.get(tokens.size() - 1).kind() != Kind.CLOSE))) {
        tokens.add(new Token(Kind.DOT, ".", column));
        i++;
      } else if (c == '"') {
        StringBuilder content = new StringBuilder();
        i++;
        while (true) {
          if (i >= text.length()) {
            throw new SpecParseException(column, "the quoted text that starts here has no"
                + " closing '\"'");
          }
          char d = text.charAt(i);
          if (d == '"') {
            i++;
            break;
          }
          if (d == '\\') {
            char escaped = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
            if (escaped != '"' && escaped != '\\') {
              throw new SpecParseException(i + 1, "only \\\" and \\\\ are escapes in a"
                  + " quoted text; write a backslash as \\\\");
            }
            content.append(escaped);
            i += 2;
          } else {
            content.append(d);
            i++;
          }
        }
        tokens.add(new Token(Kind.TEXT, content.toString(), column));
      } else if (c == ',') {
        tokens.add(new Token(Kind.COMMA, ",", column));
        i++;
      } else if (c == '(') {
        tokens.add(new Token(Kind.OPEN, "(", column));
        i++;
      } else if (c == ')') {
        tokens.add(new Token(Kind.CLOSE, ")", column));
        i++;
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < text.length()
            && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
          i++;
        }
        tokens.add(new Token(Kind.WORD, text.substring(start, i), column));
      } else if (Character.isDigit(c) || c == '-' || c == '+' || c == '.') {
        int start = i;
        i++;
        while (i < text.length() && (Character.isDigit(text.charAt(i))
            || text.charAt(i) == '.' || text.charAt(i) == 'e' || text.charAt(i) == 'E'
            || ((text.charAt(i) == '-' || text.charAt(i) == '+')
                && (text.charAt(i - 1) == 'e' || text.charAt(i - 1) == 'E')))) {
          i++;
        }
        String number = text.substring(start, i);
        try {
          Double.parseDouble(number);
        } catch (NumberFormatException e) {
          throw new SpecParseException(column, "'" + number + "' is not a number");
        }
        tokens.add(new Token(Kind.NUMBER, number, column));
      } else {
        String character = new String(Character.toChars(text.codePointAt(i)));
        throw new SpecParseException(column,
            "unexpected character '" + Visible.of(character) + "'");
      }
    }
    tokens.add(new Token(Kind.END, "", text.length() + 1));
    return tokens;
  }
}
