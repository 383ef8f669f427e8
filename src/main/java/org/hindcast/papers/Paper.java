package org.hindcast.papers;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.hindcast.authors.Author;
import org.hindcast.common.Slugs;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A paper: a publication of forecasts (a paper, brief or commentary), with its authors in printed order. */
@org.hindcast.common.StorableText
@Entity
@Table(name = "paper")
public class Paper extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @NotBlank
    @Size(max = 100)
    @Pattern(regexp = Slugs.PATTERN)
    public String slug;

    @NotBlank
    @Size(max = 500)
    public String title;

    @NotBlank
    @Size(max = 300)
    public String publisher;

    @Size(max = 300)
    public String series;

    @Size(max = 2000)
    @Pattern(regexp = "^https?://.+")
    public String url;

    @NotNull
    @Column(name = "published_on")
    public LocalDate publishedOn;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "published_precision")
    public DatePrecision publishedPrecision;

    @NotBlank
    @Pattern(regexp = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
    public String language = "en";

    /** The authors' names as this paper prints them, in order. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "printed_authors")
    public List<String> printedAuthors;

    /** The plain-text copy of the paper that the quotes were taken from. */
    @Size(max = 300)
    @Column(name = "source_text")
    public String sourceText;

    /** An editor's note on the paper itself (e.g. where the byline comes from). */
    @Size(max = 1000)
    public String note;

    @Column(name = "created_by", updatable = false)
    public String createdBy;

    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt = OffsetDateTime.now();

    @Version
    public long version;

    @ManyToMany
    @JoinTable(name = "paper_author", joinColumns = @JoinColumn(name = "paper_id"),
            inverseJoinColumns = @JoinColumn(name = "author_id"))
    @OrderColumn(name = "position")
    public List<Author> authors = new ArrayList<>();

    public static Optional<Paper> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public PublishedDate published() {
        return new PublishedDate(publishedOn, publishedPrecision);
    }
}
