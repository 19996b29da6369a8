// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

namespace kuril {

/// A block of pixels that is not zero-filled when allocated: read-back buffers are written
/// whole by glReadPixels.
class PixelBuffer {
public:
    PixelBuffer() = default;
    // new[] of bytes default-initialises: nothing is written until the pixels are.
    explicit PixelBuffer(std::size_t bytes) : data_(new std::uint8_t[bytes]), size_(bytes) {}
    std::uint8_t* data() { return data_.get(); }
    const std::uint8_t* data() const { return data_.get(); }
    std::size_t size() const { return size_; }

private:
    std::unique_ptr<std::uint8_t[]> data_;
    std::size_t size_ = 0;
};

} // namespace kuril
