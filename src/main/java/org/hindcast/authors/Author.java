package org.hindcast.authors;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hindcast.common.Slugs;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@org.hindcast.common.StorableText
@Entity
@Table(name = "author")
public class Author extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @NotBlank
    @Size(max = 100)
    @Pattern(regexp = Slugs.PATTERN)
    public String slug;

    @NotBlank
    @Size(max = 200)
    @Column(name = "display_name")
    public String displayName;

    @Size(max = 300)
    public String affiliation;

    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt = OffsetDateTime.now();

    @Version
    public long version;

    @OneToMany(mappedBy = "author", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    public List<AuthorAlias> aliases = new ArrayList<>();

    public static Optional<Author> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public void addAlias(String printed) {
        AuthorAlias alias = new AuthorAlias();
        alias.author = this;
        alias.alias = AuthorNames.normalize(printed);
        alias.aliasKey = AuthorNames.key(alias.alias);
        alias.skeleton = AuthorNames.skeleton(alias.alias);
        alias.letters = AuthorNames.letters(alias.alias);
        aliases.add(alias);
    }

    public boolean hasAliasKey(String key) {
        return aliases.stream().anyMatch(a -> a.aliasKey.equals(key));
    }
}
