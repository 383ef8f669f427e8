package org.hindcast.themes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hindcast.common.Slugs;

import java.util.Optional;

@org.hindcast.common.StorableText
@Entity
@Table(name = "theme")
public class Theme extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @NotBlank
    @Size(max = 100)
    @Pattern(regexp = Slugs.PATTERN)
    public String slug;

    @NotBlank
    @Size(max = 200)
    public String name;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public Theme parent;

    @Version
    public long version;

    public static Optional<Theme> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }
}
