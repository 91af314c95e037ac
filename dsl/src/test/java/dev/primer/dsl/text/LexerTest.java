package dev.primer.dsl.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.dsl.text.Lexer.Kind;
import dev.primer.dsl.text.Lexer.Token;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexerTest {

  @Test
  void splitsWordsNumbersAndPunctuationWithTheirColumns() {
    List<Token> tokens = Lexer.tokens("dense(10).init(normal(0,-0.01))");
    assertThat(tokens).containsExactly(
        new Token(Kind.WORD, "dense", 1), new Token(Kind.OPEN, "(", 6),
        new Token(Kind.NUMBER, "10", 7), new Token(Kind.CLOSE, ")", 9),
        new Token(Kind.DOT, ".", 10), new Token(Kind.WORD, "init", 11),
        new Token(Kind.OPEN, "(", 15), new Token(Kind.WORD, "normal", 16),
        new Token(Kind.OPEN, "(", 22), new Token(Kind.NUMBER, "0", 23),
        new Token(Kind.COMMA, ",", 24), new Token(Kind.NUMBER, "-0.01", 25),
        new Token(Kind.CLOSE, ")", 30), new Token(Kind.CLOSE, ")", 31),
        new Token(Kind.END, "", 32));
  }

  @Test
  void aDotBeforeADigitStartsANumberUnlessItFollowsAWordOrACall() {
    assertThat(Lexer.tokens("(.5,.25)")).extracting(Token::kind).containsExactly(
        Kind.OPEN, Kind.NUMBER, Kind.COMMA, Kind.NUMBER, Kind.CLOSE, Kind.END);
    assertThat(Lexer.tokens("a.5")).extracting(Token::kind)
        .containsExactly(Kind.WORD, Kind.DOT, Kind.NUMBER, Kind.END);
    assertThat(Lexer.tokens("f().5")).extracting(Token::kind).containsExactly(
        Kind.WORD, Kind.OPEN, Kind.CLOSE, Kind.DOT, Kind.NUMBER, Kind.END);
  }

  @Test
  void readsExponentsAndSigns() {
    assertThat(Lexer.tokens("1.0E-5 2e+3 +4 -0.0 4.9E-324")).extracting(Token::text)
        .containsExactly("1.0E-5", "2e+3", "+4", "-0.0", "4.9E-324", "");
    // a sign that does not follow an exponent ends the number
    assertThat(Lexer.tokens("1-2")).extracting(Token::text).containsExactly("1", "-2", "");
  }

  @Test
  void wordsMayHoldDigitsAndUnderscores() {
    assertThat(Lexer.tokens("conv2d _x he_normal_untruncated")).extracting(Token::text)
        .containsExactly("conv2d", "_x", "he_normal_untruncated", "");
  }

  @Test
  void skipsEveryKindOfWhitespace() {
    assertThat(Lexer.tokens(" \t\n\r dense \n( 1 )\n")).extracting(Token::kind)
        .containsExactly(Kind.WORD, Kind.OPEN, Kind.NUMBER, Kind.CLOSE, Kind.END);
    assertThat(Lexer.tokens("\n\ndense").get(0).column()).isEqualTo(3);
  }

  @Test
  void describesTokensForMessages() {
    assertThat(new Token(Kind.WORD, "relu", 1).describe()).isEqualTo("'relu'");
    assertThat(new Token(Kind.END, "", 9).describe()).isEqualTo("the end of the text");
  }
}
