module top;
  integer i, found;
  task find;
    input integer target;
    integer k;
    begin
      found = -1;
      for (k = 0; k < 100; k = k + 1)
        if (k * k >= target) begin
          found = k;
          disable find;
        end
    end
  endtask
  initial begin
    begin : search
      for (i = 0; i < 10; i = i + 1) begin
        if (i == 6) disable search;
        $display("i=%0d", i);
      end
    end
    for (i = 0; i < 5; i = i + 1) begin : body
      if (i == 2) disable body;
      $display("body %0d", i);
    end
    find(50);
    $display("found=%0d", found);
  end
endmodule
