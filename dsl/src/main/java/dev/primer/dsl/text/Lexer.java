package dev.primer.dsl.text;

import dev.primer.dsl.base.Visible;
import java.util.ArrayList;
import java.util.List;

/** Splits the text form into tokens: words, numbers and the punctuation {@code . , ( )}. */
final class Lexer {
  private Lexer() {
    throw new AssertionError("no instances");
  }

  enum Kind { WORD, NUMBER, DOT, COMMA, OPEN, CLOSE, END }

  /** A token and its 1-based column. */
  record Token(Kind kind, String text, int column) {
    String describe() {
      return kind == Kind.END ? "the end of the text" : "'" + Visible.of(text) + "'";
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
