package org.hindcast.authors;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.Optional;

@org.hindcast.common.StorableText
@Entity
@Table(name = "author_alias")
public class AuthorAlias extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id")
    public Author author;

    @NotBlank
    @Size(max = 200)
    public String alias;

    @NotBlank
    @Size(max = 200)
    @Column(name = "alias_key")
    public String aliasKey;

    /** The key's confusable skeleton (see {@link AuthorNames#skeleton}). */
    @Size(max = 400)
    public String skeleton;

    /** The key's letters, sorted (see {@link AuthorNames#letters}): how "did you mean" finds a near name. */
    @Size(max = 200)
    public String letters;

    public static Optional<AuthorAlias> findByKey(String key) {
        return find("aliasKey", key).firstResultOptional();
    }
}
