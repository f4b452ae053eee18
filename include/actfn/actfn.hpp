// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The actfn authors

// Everything: the elementwise functors and the array API, softmax and
// log_softmax, maxout, error handling and the floating-point environment.
#pragma once

#include "actfn/array.hpp"
#include "actfn/backward_mode.hpp"
#include "actfn/errors.hpp"
#include "actfn/fp_environment.hpp"
#include "actfn/functions/celu.hpp"
#include "actfn/functions/elu.hpp"
#include "actfn/functions/gelu_erf.hpp"
#include "actfn/functions/gelu_tanh.hpp"
#include "actfn/functions/hard_sigmoid.hpp"
#include "actfn/functions/hard_swish.hpp"
#include "actfn/functions/hard_tanh.hpp"
#include "actfn/functions/leaky_relu.hpp"
#include "actfn/functions/linear.hpp"
#include "actfn/functions/log_sigmoid.hpp"
#include "actfn/functions/maxout.hpp"
#include "actfn/functions/mish.hpp"
#include "actfn/functions/prelu.hpp"
#include "actfn/functions/relu.hpp"
#include "actfn/functions/selu.hpp"
#include "actfn/functions/sigmoid.hpp"
#include "actfn/functions/silu.hpp"
#include "actfn/functions/softmax.hpp"
#include "actfn/functions/softplus.hpp"
#include "actfn/functions/softsign.hpp"
#include "actfn/functions/step.hpp"
#include "actfn/functions/tanh.hpp"
#include "actfn/functions/threshold.hpp"
