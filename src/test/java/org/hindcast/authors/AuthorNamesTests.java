package org.hindcast.authors;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** What "did you mean" takes for the same name (AuthorNames.letters), and what it does not. */
class AuthorNamesTests {

    @Test
    void theSameWordsInAnotherOrderOrWithoutHyphensAreTheSameName() {
        assertEquals(AuthorNames.letters("Lee Dong-gyu"), AuthorNames.letters("Donggyu Lee"));
        assertEquals(AuthorNames.letters("Lee Dong-gyu"), AuthorNames.letters("lee  DONGGYU"));
        assertEquals(AuthorNames.letters("Dr. Lee Dong-gyu"), AuthorNames.letters("Lee Dong-gyu"));
        assertEquals("donggyu lee", AuthorNames.letters("Dong-gyu Lee"));
    }

    @Test
    void lettersSpreadOverOtherWordsOrDigitsInAnotherOrderAreAnotherName() {
        assertNotEquals(AuthorNames.letters("Ma Lee"), AuthorNames.letters("Mae Le"));
        // the test fixtures' names differ by their digits: an anagram of them is another person (a run found this)
        assertNotEquals(AuthorNames.letters("Author One theme-895644406-73"), AuthorNames.letters("Author One theme-839454604-67"));
    }
}
