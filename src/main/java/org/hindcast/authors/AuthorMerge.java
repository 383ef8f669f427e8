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

import java.time.OffsetDateTime;
import java.util.Optional;

/** A record of one author folded into another; the old slug keeps resolving to the survivor. */
@org.hindcast.common.StorableText
@Entity
@Table(name = "author_merge")
public class AuthorMerge extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "from_slug", nullable = false)
    public String fromSlug;

    @Column(name = "from_name", nullable = false)
    public String fromName;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "into_author_id")
    public Author into;

    @Column(name = "merged_by", nullable = false)
    public String mergedBy;

    @Column(name = "merged_at", nullable = false)
    public OffsetDateTime mergedAt = OffsetDateTime.now();

    public static Optional<AuthorMerge> findByFromSlug(String slug) {
        return find("fromSlug", slug).firstResultOptional();
    }
}
